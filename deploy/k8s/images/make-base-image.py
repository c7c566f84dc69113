#!/usr/bin/env python3
# Builds a docker-save format image tarball from a directory (one layer), without Docker:
#   make-base-image.py ROOTFS_DIR OUT.tar TAG
# Used to make the Jib base image (a jlink runtime + Debian libc6) offline; see deploy/README.md.
import hashlib, io, json, os, sys, tarfile
rootfs, out, tag = sys.argv[1], sys.argv[2], sys.argv[3]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as t:
    def reset(ti):
        ti.uid = ti.gid = 0; ti.uname = ti.gname = "root"; ti.mtime = 1
        return ti
    for entry in sorted(os.listdir(rootfs)):
        t.add(os.path.join(rootfs, entry), arcname=entry, filter=reset)
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
config = {"architecture": "amd64", "os": "linux",
          "config": {"Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java"], "User": "1001:1001",
                     "WorkingDir": "/work"},
          "rootfs": {"type": "layers", "diff_ids": [diff_id]},
          "history": [{"created_by": "make-base-image.py: jlink runtime of Temurin 25 + Debian libc6"}]}
config_bytes = json.dumps(config).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = [{"Config": config_name, "RepoTags": [tag], "Layers": ["layer.tar"]}]
with tarfile.open(out, "w") as t:
    for name, data in [("layer.tar", layer_bytes), (config_name, config_bytes), ("manifest.json", json.dumps(manifest).encode())]:
        ti = tarfile.TarInfo(name); ti.size = len(data); ti.mtime = 1
        t.addfile(ti, io.BytesIO(data))
print(out, diff_id)
