#!/usr/bin/env bash
# Re-creates the dashboard's copy of oidc-client-ts (the browser's OpenID Connect client) from the npm registry.
# There is no webjar of it on Maven Central, so the file is committed; this script shows where it came from and
# VendoredScriptTest pins what is committed. Needs npm (only to fetch the tarball), tar, openssl, sha256sum.
set -euo pipefail

VERSION=3.5.0
# The registry's "integrity" of oidc-client-ts-3.5.0.tgz: the tarball is checked before anything is taken from it.
TARBALL_SHA512=l2q8l9CTCTOlbX+AnK4p3M+4CEpKpyQhle6blQkdFhm0IsBqsxm15bYaSa11G7pWdsYr6epdsRZxJpCyCRbT8A==

root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/query-service/src/main/resources/static/vendor/oidc-client-ts/$VERSION"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "oidc-client-ts@$VERSION" >/dev/null)
tarball="$work/oidc-client-ts-$VERSION.tgz"
actual=$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)
if [[ "$actual" != "$TARBALL_SHA512" ]]; then
    echo "oidc-client-ts-$VERSION.tgz has sha512 $actual, expected $TARBALL_SHA512: not vendored" >&2
    exit 1
fi
tar -xzf "$tarball" -C "$work" package/LICENSE package/dist/browser/oidc-client-ts.min.js

mkdir -p "$target"
# The bundle (jwt-decode included) as an IIFE that sets window.oidc. Its last line points at a source map that is
# not served; without it the browser's developer tools ask for nothing that fails.
grep -v '^//# sourceMappingURL=' "$work/package/dist/browser/oidc-client-ts.min.js" >"$target/oidc-client-ts.min.js"
cp "$work/package/LICENSE" "$target/LICENSE"
sha256sum "$target/oidc-client-ts.min.js"
