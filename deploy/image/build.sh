#!/usr/bin/env bash
# Builds the production image of Ficus as an OCI image archive, target/ficus-image.oci.tar, from Debian's packages
# and Maven Central only: no registry, no Dockerfile, no daemon.
#
#   layer 1  a distroless-style base: Debian's libc6, libgcc-s1, libstdc++6, zlib1g, dash and base-files, unpacked
#            from their .deb files (apt-get download), plus a Java runtime that jlink trims from Debian's JDK
#            (openjdk-17-jdk-headless's jmods) to the modules Ficus needs
#   layer 2  the third-party jars of ficus-cli's runtime classpath
#   layer 3  the Ficus jars and the `ficus` launcher
#
# The image holds the production distribution (ficus-cli: gateway, sync, service, preflight, flags, dlq, config, ...)
# and none of the developer tools (ficus-tools: dev, magento, seed, bench). It runs as user 10001, needs no writable
# path but /tmp, and its entrypoint is `ficus`.
#
# Usage: deploy/image/build.sh [--no-maven]
#   --no-maven   use the jars already built (mvn package or verify ran in this checkout); otherwise the script runs
#                mvn package -pl ficus-cli -am -DskipTests first
# Needs: umoci, apt-get (Debian's package lists), Debian's openjdk-17-jdk-headless (jlink and jmods), Maven.
# The base layer is cached in ${FICUS_IMAGE_CACHE:-~/.cache/ficus-image}, keyed by the package versions, the JDK and
# the module list, so a second build only re-packs the jars.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/target/ficus-image.oci.tar"
cache="${FICUS_IMAGE_CACHE:-$HOME/.cache/ficus-image}"
jdk="${FICUS_IMAGE_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
tag="${FICUS_IMAGE_TAG:-0.1.0-SNAPSHOT}"
packages=(base-files libc6 libgcc-s1 libstdc++6 zlib1g dash)
# jdeps --print-module-deps over ficus-cli's runtime classpath, plus what is only loaded by name: TLS with elliptic
# curves (jdk.crypto.ec), DNS for JNDI (jdk.naming.dns), the MySQL character sets Debezium decodes (jdk.charsets),
# zip file systems and jcmd for diagnosing a running pod
modules="java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.security.jgss"
modules+=",java.security.sasl,java.sql,jdk.attach,jdk.jdi,jdk.jfr,jdk.management,jdk.unsupported"
modules+=",jdk.crypto.ec,jdk.naming.dns,jdk.charsets,jdk.zipfs,jdk.jcmd"
uid=10001
# raise it when the base's recipe below changes, so that cached bases are rebuilt
base_recipe=2

say() { echo "ficus-image: $*" >&2; }
die() { say "$*"; exit 1; }

build_with_maven=true
case "${1:-}" in
  --no-maven) build_with_maven=false ;;
  "") ;;
  *) die "unknown option $1 (usage: deploy/image/build.sh [--no-maven])" ;;
esac

command -v umoci >/dev/null || die "umoci is missing: apt-get install -y --no-install-recommends umoci"
[ -x "$jdk/bin/jlink" ] && [ -d "$jdk/jmods" ] ||
  die "no JDK with jmods at $jdk: apt-get install -y openjdk-17-jdk-headless (or set FICUS_IMAGE_JDK)"

start=$(date +%s)
if $build_with_maven; then
  say "building ficus-cli and the modules it needs (mvn package, no tests)"
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package -pl ficus-cli -am) >&2
fi
classpath_file="$root/ficus-cli/target/classpath.txt"
cli_jar="$(ls "$root"/ficus-cli/target/ficus-cli-*.jar 2>/dev/null | grep -v -e '-tests.jar$' | head -n 1 || true)"
[ -f "$classpath_file" ] && [ -n "$cli_jar" ] ||
  die "ficus-cli is not packaged: run without --no-maven, or mvn package -pl ficus-cli -am first"

# --- layer 1: the base, cached ------------------------------------------------------------------------------------
versions=""
for p in "${packages[@]}"; do
  v="$(apt-cache show --no-all-versions "$p" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)"
  [ -n "$v" ] || die "apt knows no package $p: run apt-get update"
  versions+="$p=$v "
done
key="$(printf '%s\n' "$versions" "$modules" "$(cat "$jdk/release")" "$base_recipe" |
  sha256sum | cut -c1-16)"
base="$cache/base-$key"
if [ ! -f "$base/done" ]; then
  say "making the base (Debian packages ${versions% }; a Java runtime jlinked from $jdk)"
  # made aside and renamed when complete: a build in another checkout may be making the same base
  final="$base"
  base="$cache/making-$key-$$"
  rm -rf "$base" && mkdir -p "$base/debs"
  (cd "$base/debs" && apt-get download -q "${packages[@]}" >/dev/null 2>&1) ||
    die "apt-get download ${packages[*]} failed (is Debian's mirror reachable?)"
  rootfs="$base/rootfs"
  mkdir -p "$rootfs/var/lib/dpkg/status.d"
  for deb in "$base"/debs/*.deb; do
    dpkg-deb -x "$deb" "$rootfs"
    # the packages' control data where scanners (trivy, grype) look for them in a distroless image
    dpkg-deb -f "$deb" >"$rootfs/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
  done
  # documentation, manuals, translations and iconv's converters: nothing in a JVM reads them
  rm -rf "$rootfs"/usr/share/{doc,man,info,locale,lintian,common-licenses} "$rootfs"/usr/lib/x86_64-linux-gnu/gconv
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$rootfs/opt/java"
  # AWT's native libraries would need X11 and fonts the image does not have; Ficus never opens a window
  rm -f "$rootfs"/opt/java/lib/{libawt_xawt,libsplashscreen,libjsound,libfontmanager,liblcms,libjavajpeg}.so
  # the user the pods run as (runAsUser 10001); its home is /tmp, the one writable path
  mkdir -p "$rootfs/etc" "$rootfs/tmp"
  chmod 1777 "$rootfs/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\nficus:x:%s:%s:Ficus:/tmp:/usr/sbin/nologin\n' $uid $uid >"$rootfs/etc/passwd"
  printf 'root:x:0:\nficus:x:%s:\n' $uid >"$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  ldconfig -r "$rootfs"
  # the base as a one-layer image, so that a build copies its compressed layer instead of packing it again
  umoci init --layout "$base/oci"
  umoci new --image "$base/oci:base"
  umoci insert --image "$base/oci:base" \
    --history.created_by "deploy/image/build.sh: Debian packages ${versions% } and a Java runtime jlinked from Debian's JDK" \
    "$rootfs" / >/dev/null
  touch "$base/done"
  if [ -f "$final/done" ]; then rm -rf "$base"; else rm -rf "$final" && mv "$base" "$final"; fi
  base="$final"
else
  say "base from the cache: $base"
fi

# --- layers 2 and 3: the jars and the launcher --------------------------------------------------------------------
work="$root/target/ficus-image"
rm -rf "$work" && mkdir -p "$work/lib" "$work/app" "$work/bin"
classpath=()
IFS=':' read -r -a entries <"$classpath_file" || true  # the file has no final newline
for jar in "$cli_jar" "${entries[@]}"; do
  case "$jar" in
    *.jar) ;;
    *) die "$jar on ficus-cli's classpath is not a jar: build with mvn package (not compile)" ;;
  esac
  case "$jar" in
    "$root"/*) dir=app ;;  # a module of this reactor: changes with every build, so it goes in the last layer
    *) dir=lib ;;
  esac
  name="$(basename "$jar")"
  [ ! -e "$work/$dir/$name" ] || die "two jars named $name on ficus-cli's classpath"
  cp "$jar" "$work/$dir/$name"
  classpath+=("/opt/ficus/$dir/$name")
done
for tool in ficus-tools ficus-devstack ficus-magento ficus-bench ficus-test-support; do
  [ -z "$(ls "$work/app" "$work/lib" | grep "^$tool-[0-9]")" ] || die "$tool is on ficus-cli's classpath: not for production"
done
# the class path in a java argument file, in Maven's order: no shell quoting, no length limit
(IFS=':'; echo "-cp ${classpath[*]}") >"$work/app/java.args"
cat >"$work/bin/ficus" <<'LAUNCHER'
#!/bin/sh
# The production ficus command: ficus-cli on the image's Java runtime. FICUS_JAVA_OPTS is split into words on purpose
# (-XX:MaxRAMPercentage=75 -Xss512k ...).
# shellcheck disable=SC2086
exec /opt/java/bin/java ${FICUS_JAVA_OPTS:-} @/opt/ficus/app/java.args dev.ficus.cli.Ficus "$@"
LAUNCHER
chmod 755 "$work/bin/ficus"

layout="$work/oci"
image="$layout:$tag"
cp -a "$base/oci" "$layout"
umoci tag --image "$layout:base" "$tag"
umoci rm --image "$layout:base"
umoci insert --image "$image" --history.created_by "deploy/image/build.sh: third-party jars" "$work/lib" /opt/ficus/lib
umoci insert --image "$image" --history.created_by "deploy/image/build.sh: Ficus jars" "$work/app" /opt/ficus/app
umoci insert --image "$image" --history.created_by "deploy/image/build.sh: the ficus launcher" \
  "$work/bin/ficus" /usr/local/bin/ficus
umoci config --image "$image" --no-history \
  --config.user "$uid:$uid" \
  --config.entrypoint ficus \
  --config.cmd --help \
  --config.workingdir /tmp \
  --config.env PATH=/usr/local/bin:/opt/java/bin:/usr/bin:/bin \
  --config.env JAVA_HOME=/opt/java \
  --config.exposedports 8000/tcp --config.exposedports 8001/tcp \
  --config.label org.opencontainers.image.title=ficus \
  --config.label org.opencontainers.image.version="$tag" \
  --config.label org.opencontainers.image.revision="$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)" \
  --config.label org.opencontainers.image.description="Ficus production distribution (ficus-cli), no developer tools" \
  --config.label dev.ficus.base="${versions% }" \
  --os linux --architecture amd64
# the full name as the archive's reference: podman load names the image after it (localhost/ficus:<tag>)
umoci tag --image "$image" "ficus:$tag"
umoci rm --image "$image"
umoci gc --layout "$layout"
# an OCI archive is the image layout in a tar file (what skopeo and podman call oci-archive:)
rm -f "$out.tmp" && tar -C "$layout" -cf "$out.tmp" . && mv "$out.tmp" "$out"

mb() { du -scb "$@" | tail -n 1 | awk '{printf "%.0f MB", $1 / 1000000}'; }
say "built $out ($(mb "$out") compressed, $(mb "$base/rootfs" "$work/lib" "$work/app") unpacked) in \
$(( $(date +%s) - start )) s"
say "push it: skopeo copy oci-archive:$out docker://REGISTRY/ficus:$tag"
