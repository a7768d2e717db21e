#include "processstat.h"
