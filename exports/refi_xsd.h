#ifndef DIDAT_EXPORTS_REFI_XSD_H
#define DIDAT_EXPORTS_REFI_XSD_H

/* The REFI-QDA 1.0 schemas of spec/refi-qda, compiled in by spec/embed.sh. */
#include <stddef.h>

extern const unsigned char refi_codebook_xsd[];
extern const size_t refi_codebook_xsd_size;
extern const unsigned char refi_project_xsd[];
extern const size_t refi_project_xsd_size;

#endif
