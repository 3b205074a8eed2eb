#!/bin/sh
# Installs a model bundle into the models volume the services share, where it can be promoted:
#   install-bundle.sh <bundle folder> <volume>
# The volume holds bundles/<version>/ (MODELS_DIR: every bundle that can be served) and default, a link to the
# first bundle ever installed (MODEL_DIR: the champion until an administrator chooses one, and the applicants the
# clients service serves). Installing never changes what is served: a new bundle waits for its promotion.
# Plain POSIX sh: it runs in the bundle image (busybox) and in the tests.
set -eu
bundle=$1
volume=$2

# The manifest's first "version" (training writes it first), read without a JSON tool: busybox has none.
version=$(grep -o '"version": *"[^"]*"' "$bundle/manifest.json" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')
case $version in
  "" | .* | *[!A-Za-z0-9._-]*)
    echo "$bundle/manifest.json: no usable version ('$version')" >&2
    exit 1
    ;;
esac

mkdir -p "$volume/bundles" "$volume/incoming"
if [ -e "$volume/bundles/$version" ]; then
  echo "model bundle $version is already installed"
else
  # Copied beside, then renamed into bundles/ in one step: a service listing the bundles never sees half a copy.
  rm -rf "$volume/incoming/$version"
  cp -R "$bundle" "$volume/incoming/$version"
  mv "$volume/incoming/$version" "$volume/bundles/$version"
  echo "model bundle $version installed: promote it with PUT /api/v1/models/challenger or champion"
fi
if [ ! -e "$volume/default" ]; then
  ln -s "bundles/$version" "$volume/default"
  echo "model bundle $version is the default champion"
fi
