#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h; this wraps it for Swift. `windowBits` 15+32 reads gzip or zlib streams.
static inline int hearsay_inflate_init(z_stream *strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
