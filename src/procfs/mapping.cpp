#include "mapping.h"
