# Sourced by tools/release and tools/web-engine: the libraries reckon links that have no package for the target
# (Windows, WebAssembly, a static Linux), built from Debian's own source packages (apt-get source, deb-src
# enabled here if absent) into the caller's deps folder, never into the repository. The caller sets:
#   deps       the folder (deps/src: the unpacked sources; deps/prefix: what is installed)
#   jobs       how many compilers run at once
#   toolchain  the CMake options of the target (a toolchain file), empty for the host
#   target_cc, target_ar  the target's C compiler and archiver (arrays), for the libraries built file by file
# and the functions say() and die().

enable_deb_src() {
    if grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then return; fi
    [ "$(id -u)" = 0 ] || die "apt-get source needs deb-src entries in /etc/apt/sources.list.d/; run as root once to add them"
    local f=/etc/apt/sources.list.d/debian.sources
    [ -f "$f" ] || die "no $f to take the deb-src entries from"
    say "enabling deb-src (/etc/apt/sources.list.d/reckon-deb-src.sources, as $f)"
    # the main archive and its updates; the security archive's sources are not served by every mirror
    awk -v RS= -v ORS='\n\n' '!/debian-security/ { sub(/^Types: deb\n/, "Types: deb-src\n"); print }' \
        "$f" > /etc/apt/sources.list.d/reckon-deb-src.sources
    apt-get update -qq
}

# $1: the source package; unpacked once in deps/src/, its folder printed.
fetch_source() {
    local src=$deps/src
    mkdir -p "$src"
    local dir
    dir=$(find "$src" -maxdepth 1 -mindepth 1 -type d -name "$1-*" | head -1)
    if [ -z "$dir" ]; then
        (cd "$src" && apt-get source -qq "$1" >/dev/null 2>&1) || die "apt-get source $1 failed"
        dir=$(find "$src" -maxdepth 1 -mindepth 1 -type d -name "$1-*" | head -1)
    fi
    echo "$dir"
}

# A library's CMake build, for the target of $toolchain (the cross toolchain's options, or none for Linux), static,
# installed into the deps prefix.
dep_configure() {  # $1 source folder, $2 build folder, then options
    local s=$1 b=$2
    shift 2
    mkdir -p "$b"
    if ! cmake -S "$s" -B "$b" "${toolchain[@]}" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$deps/prefix" \
        -DCMAKE_INSTALL_LIBDIR=lib -DBUILD_SHARED_LIBS=OFF -DCMAKE_POSITION_INDEPENDENT_CODE=OFF "$@" >"$b/configure.log" 2>&1; then
        tail -40 "$b/configure.log" >&2
        die "configuring $b failed (the whole output: $b/configure.log)"
    fi
}
# Debian's sources build with warnings of their own (not reckon's): CMake's and the compilers' output go to
# FOLDER/configure.log and FOLDER/build.log, shown only when a step fails.
dep_install() {  # $1 build folder; its own jobs, not those of a make it is run from (the build's reckon_web)
    if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL cmake --build "$1" -j"$jobs" >"$1/build.log" 2>&1; then
        tail -40 "$1/build.log" >&2
        die "building $1 failed (the whole output: $1/build.log)"
    fi
    cmake --install "$1" >/dev/null
}
dep_cmake() {
    dep_configure "$@"
    dep_install "$2"
}

# yaml-cpp, and libxlsxwriter on the given minizip ($1: its headers, $2: the library) and zlib ($3: its prefix).
build_yaml_cpp_and_xlsxwriter() {
    local y x
    y=$(fetch_source yaml-cpp)
    say "yaml-cpp from $(basename "$y")"
    dep_cmake "$y" "$deps/yaml-cpp-build" -DYAML_BUILD_SHARED_LIBS=OFF -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF \
        -DYAML_CPP_BUILD_CONTRIB=OFF
    x=$(fetch_source libxlsxwriter)
    say "libxlsxwriter from $(basename "$x")"
    dep_cmake "$x" "$deps/xlsxwriter-build" -DUSE_SYSTEM_MINIZIP=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
        -DZLIB_ROOT="$3" -DMINIZIP_INCLUDE_DIRS="$1" -DMINIZIP_LIBRARIES="$2"
}

# lib$1.a in the prefix, of the C files $3… of the folder $2.
static_c_library() {
    local name=$1 dir=$2 objs=$deps/$1-build
    shift 2
    mkdir -p "$objs"
    for f in "$@"; do "${target_cc[@]}" -O2 -w -I"$deps/prefix/include" -c "$dir/$f.c" -o "$objs/$f.o"; done  # -w: Debian's code, its warnings
    rm -f "$deps/prefix/lib/lib$name.a"
    "${target_ar[@]}" rcs "$deps/prefix/lib/lib$name.a" "$objs"/*.o
}

# zlib, minizip and expat, static, into the deps prefix (for a target with none of them).
build_zlib_minizip_expat() {
    local p=$deps/prefix
    mkdir -p "$p/include" "$p/lib"
    # zlib (Debian's source has no win32/ folder) and minizip (Debian's own source package of zlib's
    # contrib/minizip, the files libminizip holds): each a static library of its C files
    local z m
    z=$(fetch_source zlib)
    say "zlib from $(basename "$z")"
    static_c_library z "$z" adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees \
        trees uncompr zutil
    cp "$z/zlib.h" "$z/zconf.h" "$p/include/"
    m=$(fetch_source minizip)
    say "minizip from $(basename "$m")"
    static_c_library minizip "$m" ioapi unzip zip "${minizip_extra[@]}" mztools
    mkdir -p "$p/include/minizip"
    cp "$m"/{ioapi,unzip,zip,mztools}.h "$p/include/minizip/"
    local x
    for x in "${minizip_extra[@]}"; do cp "$m/$x.h" "$p/include/minizip/"; done
    # expat
    local e
    e=$(fetch_source expat)
    say "expat from $(basename "$e")"
    [ -f "$e/CMakeLists.txt" ] || e=$e/expat
    dep_configure "$e" "$deps/expat-build" -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
        -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF -DEXPAT_MSVC_STATIC_CRT=OFF
    # Debian's security patches test `#if XML_DTD == 1`, as its autotools build defines it; expat's CMake
    # defines XML_DTD empty
    sed -i 's/^#define XML_DTD$/#define XML_DTD 1/' "$deps/expat-build/expat_config.h"
    dep_install "$deps/expat-build"
}

# The header-only libraries as installed, each alone in a folder (cmake/cross/headers), for a cross build that
# must not see the host's /usr/include.
link_header_only() {
    local p=$deps/prefix
    mkdir -p "$p/cmake"
    cp "$root"/cmake/cross/headers/*.cmake "$p/cmake/"
    for h in pegtl:tao cli11:CLI nlohmann_json:nlohmann boost:boost; do
        mkdir -p "$p/include/${h%%:*}"
        ln -sfn "/usr/include/${h#*:}" "$p/include/${h%%:*}/${h#*:}"
    done
}
