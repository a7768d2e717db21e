#include "mappingmodel.h"
