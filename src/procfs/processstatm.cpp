#include "processstatm.h"
