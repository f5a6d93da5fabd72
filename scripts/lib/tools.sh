# Sourced by scripts/build, scripts/test and scripts/serve: installs what the build needs,
# idempotently, from the registries this project may use (rustup, crates.io, npm, Debian).

export PATH="$HOME/.cargo/bin:$PATH"
WASM_PACK_VERSION=0.15.1
CARGO_DENY_VERSION=0.20.2

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_wasm_pack() {
  [ "$(wasm-pack --version 2>/dev/null)" = "wasm-pack $WASM_PACK_VERSION" ] && return
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install wasm-pack --version "=$WASM_PACK_VERSION" --locked
}

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly; wasm-pack cannot
# download it here, so it is installed from crates.io and found on PATH.
ensure_wasm_bindgen() {
  local want have
  want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')
  [ "$have" = "$want" ] && return
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  # --locked fails here: the registry lacks one of its locked dependency versions.
  cargo install wasm-bindgen-cli --version "=$want"
}

ensure_cargo_deny() {
  [ "$(cargo deny --version 2>/dev/null)" = "cargo-deny $CARGO_DENY_VERSION" ] && return
  say "installing cargo-deny $CARGO_DENY_VERSION (a few minutes, once)"
  cargo install cargo-deny --version "=$CARGO_DENY_VERSION" --locked
}

ensure_node_modules() {
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    return
  fi
  say "installing npm dev dependencies (npm ci)"
  npm ci --no-audit --no-fund
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return
  say "installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}

# The differential tests' Python side: PyJWT and cryptography at the exact pins of
# tests/diff/requirements.txt, in .venv-diff/ (ignored by git). Reinstalled when the pins change.
ensure_diff_venv() {
  local venv=.venv-diff requirements=tests/diff/requirements.txt
  if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$venv/installed-requirements.txt"; then
    return
  fi
  say "making $venv with the pins of $requirements (PyJWT, cryptography)"
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" 2>/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: -r "$requirements"
  cp "$requirements" "$venv/installed-requirements.txt"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_pack
  ensure_wasm_bindgen
  ensure_node_modules
}
