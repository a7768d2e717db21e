#include "mapsparser.h"
