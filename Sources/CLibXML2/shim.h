#ifndef HEARSAY_CLIBXML2_SHIM_H
#define HEARSAY_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Foundation brings its own ICU module; libxml2's ICU types (encoding.h) would clash with it. Hearsay never uses
   them, so they are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

/// `xmlFree` is a global function pointer that Swift cannot call directly.
static inline void hearsay_xmlFree(void *p) { xmlFree(p); }

#endif
