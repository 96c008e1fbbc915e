// SodiumBaseline: the C baseline for `make bench`. It calls libsodium directly, doing exactly the
// work the Swift API does for each workload, and prints "<seconds> <peak resident KiB>".
//
//   SodiumBaseline stream-encrypt  KEYHEX IN            encrypt IN (Amanat stream v1), discard output
//   SodiumBaseline stream-decrypt  KEYHEX IN            decrypt IN, discard plaintext
//   SodiumBaseline stream-file-encrypt KEYHEX IN OUT    file to file, fsync, as the Swift file API
//   SodiumBaseline stream-file-decrypt KEYHEX IN OUT
//   SodiumBaseline seal COUNT SIZE                      COUNT crypto_box_seal of SIZE bytes
//   SodiumBaseline open COUNT SIZE                      COUNT crypto_box_seal_open (boxes made first, untimed)
//   SodiumBaseline argon2id OPSLIMIT MEMLIMIT COUNT     COUNT crypto_pwhash derivations
#include <sodium.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536
#define FRAME (CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES)

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what) {
    fprintf(stderr, "SodiumBaseline: %s: %s\n", what, strerror(errno));
    exit(1);
}

// Peak resident set of this program's own address space (VmHWM, KiB). getrusage's ru_maxrss is not
// used: on Linux it carries the parent's peak across fork and exec.
static long peak_kib(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    if (!f) return -1;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmHWM:", 6) == 0) { kib = strtol(line + 6, NULL, 10); break; }
    }
    fclose(f);
    return kib;
}

static void report(double seconds) {
    printf("%.6f %ld\n", seconds, peak_kib());
}

static size_t read_fully(int fd, unsigned char *buf, size_t want) {
    size_t got = 0;
    while (got < want) {
        ssize_t n = read(fd, buf + got, want - got);
        if (n < 0) { if (errno == EINTR) continue; die("read"); }
        if (n == 0) break;
        got += (size_t)n;
    }
    return got;
}

static void write_all(int fd, const unsigned char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) { if (errno == EINTR) continue; die("write"); }
        buf += n;
        len -= (size_t)n;
    }
}

static void load_key(const char *hex, unsigned char key[32]) {
    size_t len = 0;
    if (sodium_hex2bin(key, 32, hex, strlen(hex), NULL, &len, NULL) != 0 || len != 32) {
        fprintf(stderr, "SodiumBaseline: bad key\n");
        exit(2);
    }
}

// Encrypts in to out (out < 0: discard), following the Amanat stream v1 rules.
static void stream_encrypt(const unsigned char key[32], int in, int out) {
    static unsigned char chunk[CHUNK], frame[FRAME];
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_state st;
    crypto_secretstream_xchacha20poly1305_init_push(&st, header, key);
    if (out >= 0) write_all(out, header, sizeof header);
    for (;;) {
        size_t n = read_fully(in, chunk, CHUNK);
        int final = n < CHUNK;
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(&st, frame, &written, chunk, n, NULL, 0,
            final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        if (out >= 0) write_all(out, frame, (size_t)written);
        if (final) break;
    }
    sodium_memzero(&st, sizeof st);
}

static void stream_decrypt(const unsigned char key[32], int in, int out) {
    static unsigned char chunk[CHUNK], frame[FRAME];
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_state st;
    if (read_fully(in, header, sizeof header) != sizeof header) { fprintf(stderr, "truncated\n"); exit(1); }
    if (crypto_secretstream_xchacha20poly1305_init_pull(&st, header, key) != 0) { fprintf(stderr, "bad header\n"); exit(1); }
    for (;;) {
        size_t n = read_fully(in, frame, FRAME);
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (n < crypto_secretstream_xchacha20poly1305_ABYTES ||
            crypto_secretstream_xchacha20poly1305_pull(&st, chunk, &got, &tag, frame, n, NULL, 0) != 0) {
            fprintf(stderr, "SodiumBaseline: stream does not authenticate\n");
            exit(1);
        }
        int final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if ((n == FRAME) == final) { fprintf(stderr, "SodiumBaseline: bad frame tag\n"); exit(1); }
        if (out >= 0) write_all(out, chunk, (size_t)got);
        if (final) break;
    }
    sodium_memzero(&st, sizeof st);
    sodium_memzero(chunk, sizeof chunk);
}

static int stream_command(const char *mode, int argc, char **argv) {
    unsigned char key[32];
    if (argc < 4) return 2;
    load_key(argv[2], key);
    int in = open(argv[3], O_RDONLY);
    if (in < 0) die(argv[3]);
    int to_file = strncmp(mode, "stream-file-", 12) == 0;
    int out = -1;
    char temporary[4096];
    int encrypting = strstr(mode, "encrypt") != NULL;
    double start = now();
    if (to_file) {
        // As the Swift file API does: a new temporary file, fsync, rename into place, fsync the folder.
        if (argc < 5) return 2;
        snprintf(temporary, sizeof temporary, "%s.tmp-c", argv[4]);
        out = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (out < 0) die(temporary);
    }
    if (encrypting) stream_encrypt(key, in, out); else stream_decrypt(key, in, out);
    if (out >= 0) {
        if (fsync(out) != 0) die("fsync");
        close(out);
        if (rename(temporary, argv[4]) != 0) die("rename");
        char folder[4096];
        snprintf(folder, sizeof folder, "%s", argv[4]);
        char *slash = strrchr(folder, '/');
        if (slash) *slash = 0; else snprintf(folder, sizeof folder, ".");
        int dir = open(folder, O_RDONLY | O_DIRECTORY);
        if (dir >= 0) { fsync(dir); close(dir); }
    }
    double elapsed = now() - start;
    close(in);
    sodium_memzero(key, sizeof key);
    report(elapsed);
    return 0;
}

static int box_command(const char *mode, long count, long size) {
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    unsigned char *message = malloc((size_t)size);
    unsigned char *boxes = malloc((size_t)count * ((size_t)size + crypto_box_SEALBYTES));
    unsigned char *opened = malloc((size_t)size);
    if (!message || !boxes || !opened) die("malloc");
    randombytes_buf(message, (size_t)size);
    size_t stride = (size_t)size + crypto_box_SEALBYTES;
    int sealing = strcmp(mode, "seal") == 0;
    double start = now();
    for (long i = 0; i < count; i++) crypto_box_seal(boxes + (size_t)i * stride, message, (unsigned long long)size, pk);
    double elapsed = now() - start;
    if (!sealing) {
        start = now();
        for (long i = 0; i < count; i++) {
            if (crypto_box_seal_open(opened, boxes + (size_t)i * stride, stride, pk, sk) != 0) { fprintf(stderr, "open failed\n"); return 1; }
        }
        elapsed = now() - start;
    }
    report(elapsed);
    free(message); free(boxes); free(opened);
    return 0;
}

static int argon_command(unsigned long long ops, size_t mem, long count) {
    unsigned char out[32], salt[crypto_pwhash_SALTBYTES];
    const char *passphrase = "correct horse battery staple";
    randombytes_buf(salt, sizeof salt);
    double start = now();
    for (long i = 0; i < count; i++) {
        if (crypto_pwhash(out, sizeof out, passphrase, strlen(passphrase), salt, ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) die("crypto_pwhash");
    }
    report(now() - start);
    return 0;
}

int main(int argc, char **argv) {
    if (sodium_init() < 0 || argc < 2) {
        fprintf(stderr, "usage: SodiumBaseline stream-encrypt|stream-decrypt|stream-file-encrypt|stream-file-decrypt|seal|open|argon2id ...\n");
        return 2;
    }
    const char *mode = argv[1];
    if (strncmp(mode, "stream-", 7) == 0) return stream_command(mode, argc, argv);
    if ((strcmp(mode, "seal") == 0 || strcmp(mode, "open") == 0) && argc == 4) return box_command(mode, atol(argv[2]), atol(argv[3]));
    if (strcmp(mode, "argon2id") == 0 && argc == 5) return argon_command(strtoull(argv[2], NULL, 10), (size_t)strtoull(argv[3], NULL, 10), atol(argv[4]));
    fprintf(stderr, "SodiumBaseline: unknown or incomplete command\n");
    return 2;
}
