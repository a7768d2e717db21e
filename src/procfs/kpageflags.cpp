#include "kpageflags.h"
