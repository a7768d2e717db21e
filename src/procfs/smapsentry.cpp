#include "smapsentry.h"
