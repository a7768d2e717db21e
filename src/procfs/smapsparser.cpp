#include "smapsparser.h"
