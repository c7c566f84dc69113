#!/usr/bin/env bash
# Builds the services' container images into docker-save tar files, with Jib and without Docker or a registry:
#   ./newsroom images [service ...]          (or this script with JAVA_HOME set to a JDK 21+)
# Output: deploy/k8s/target/images/<service>.tar, tagged newsroom-monitor/<service>:<version>. Load it with
# `docker load -i` / `podman load -i`, or push it with `skopeo copy docker-archive:<tar> docker://<registry>/...`.
#
# The base image is made here too, since no registry can be reached: a jlink runtime of this JDK plus the C
# library of this (Debian) machine, and an unprivileged user 1001 that the services run as.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
images=$root/deploy/k8s/images
out=$root/deploy/k8s/target/images
services=("$@"); [ ${#services[@]} -gt 0 ] || services=(ingest-service classify-service search-service)
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+ (./newsroom images does)}"
command -v dpkg >/dev/null || { echo "build-images: needs a Debian-based machine (dpkg) for the C library" >&2; exit 1; }

mkdir -p "$out"
base=$out/jre-base.tar
if [ ! -f "$base" ]; then
  echo "build-images: making the base image (jlink runtime + libc6) ..."
  rootfs=$out/base-rootfs
  rm -rf "$rootfs"; mkdir -p "$rootfs/etc" "$rootfs/tmp"; chmod 1777 "$rootfs/tmp"
  # the C library as the libc6 package installs it (files and symlinks), each at its real location ...
  dpkg -L libc6 | while read -r f; do
    if [ -f "$f" ] || [ -L "$f" ]; then cp -P --parents "$(readlink -f "$(dirname "$f")")/$(basename "$f")" "$rootfs"; fi
  done
  # ... and /lib, /lib64 as links into /usr where the machine has merged /usr (current Debian)
  for d in lib lib64; do
    if [ -L "/$d" ] && [ ! -e "$rootfs/$d" ]; then ln -s "$(readlink "/$d")" "$rootfs/$d"; fi
  done
  "$JAVA_HOME/bin/jlink" --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs \
    --strip-debug --no-header-files --no-man-pages --output "$rootfs/opt/java"
  printf 'root:x:0:0::/root:/sbin/nologin\nnewsroom:x:1001:1001::/home/jboss:/sbin/nologin\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\nnewsroom:x:1001:\n' > "$rootfs/etc/group"
  python3 "$images/make-base-image.py" "$rootfs" "$base" newsroom-monitor/jre-base:latest >/dev/null
  rm -rf "$rootfs"
fi

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n1)
for service in "${services[@]}"; do
  echo "build-images: $service -> $out/$service.tar"
  JIB_IMAGE_TAR="$out/$service.tar" mvn -B -q --no-transfer-progress -f "$root/pom.xml" -pl "$service" -am package -DskipTests \
    -Dquarkus.container-image.build=true \
    -Dquarkus.container-image.group=newsroom-monitor \
    -Dquarkus.container-image.tag="$version" \
    -Dquarkus.jib.base-jvm-image="tar://$base" \
    -Dquarkus.jib.docker-executable-name="$images/fake-docker" \
    -Dquarkus.jib.user=1001 \
    -Dquarkus.jib.offline-mode=true
done
