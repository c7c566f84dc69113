#!/usr/bin/env bash
# Fetches the extra corpora of the real-news evaluation set (extra-corpora.txt: public files at fixed commits)
# into $NEWSROOM_EXTRA_CORPORA, default local-data/corpora at the repository root, and checks each file's SHA-256.
# Needs network access to raw.githubusercontent.com. The texts are not ours: they are read from there by the
# evaluation and the trainer, never copied into the repository. Licences: docs/EVALUATION.md, "Sources".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dest="${NEWSROOM_EXTRA_CORPORA:-$root/local-data/corpora}"
mkdir -p "$dest"
fetched=0; present=0
while read -r sha path repo commit file; do
  case "$sha" in ''|'#'*) continue ;; esac
  target="$dest/$path"
  if [ -f "$target" ] && echo "$sha  $target" | sha256sum -c --quiet - 2>/dev/null; then
    present=$((present + 1)); continue
  fi
  mkdir -p "$(dirname "$target")"
  curl -fsSL --retry 3 -o "$target.part" "https://raw.githubusercontent.com/$repo/$commit/$file"
  if ! echo "$sha  $target.part" | sha256sum -c --quiet -; then
    echo "fetch-extra-corpora: $repo@$commit:$file does not have the expected SHA-256; not used" >&2
    rm -f "$target.part"; exit 1
  fi
  mv "$target.part" "$target"; fetched=$((fetched + 1))
done < "$here/extra-corpora.txt"
echo "fetch-extra-corpora: $fetched fetched, $present already present, in $dest"
