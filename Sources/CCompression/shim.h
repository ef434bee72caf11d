// zlib (Debian: zlib1g-dev) and libbzip2 (Debian: libbz2-dev), to read corpora as datasets are
// shipped: a .jsonl.gz, Quotebank's .json.bz2.
#include <stdio.h>
#include <zlib.h>
#include <bzlib.h>
