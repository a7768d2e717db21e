#include "processstatus.h"
