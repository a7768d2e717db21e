#include "pageentry.h"
