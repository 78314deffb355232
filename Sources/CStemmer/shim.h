// Snowball's stemmers (Debian's libstemmer), for search in Spanish: "depresión",
// "depresion" and "depresiones" meet at one stem. Only Sources/AttuneCore/Search/Stemmer.swift
// imports it.
#ifndef ATTUNE_CSTEMMER_SHIM_H
#define ATTUNE_CSTEMMER_SHIM_H

#include <libstemmer.h>

#endif
