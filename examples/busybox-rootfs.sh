#!/usr/bin/env bash
# Makes a busybox root filesystem tarball from the host's static busybox (Debian busybox-static),
# the same layout as testkit's BusyboxRootfs: the binary, one symlink per applet, /etc/passwd,
# /etc/group, /tmp. Import it with: jswarm image import OUT.tar busybox:latest --cmd sh
set -euo pipefail
out="${1:?usage: busybox-rootfs.sh OUT.tar}"
busybox=/bin/busybox
[[ -x "$busybox" ]] || { echo "busybox-rootfs: $busybox is missing; run bin/install-deps (package busybox-static)" >&2; exit 1; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,proc,sys,dev,root,var/www,home}
chmod 1777 "$dir/tmp"
cp "$busybox" "$dir/bin/busybox"
chmod 755 "$dir/bin/busybox"
"$busybox" --list-full | while read -r applet; do
  [[ -z "$applet" || "$applet" == bin/busybox || -e "$dir/$applet" || -L "$dir/$applet" ]] && continue
  mkdir -p "$(dirname "$dir/$applet")"
  ln -s /bin/busybox "$dir/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$dir/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$dir/etc/group"
tar -C "$dir" --numeric-owner --owner=0 --group=0 -cf "$out" .
