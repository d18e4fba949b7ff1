# The two Quick start commands (make build, make test) set themselves up on a fresh clone:
# a local .venv with the pinned requirements.lock, and Debian's chromium for the browser checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.warta-installed

.PHONY: build test check serve clean

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -c "import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()['purelib'], 'warta-plugins.pth').write_text(str(pathlib.Path('plugins').resolve()) + '\n')"
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/invoke build

test: $(STAMP) browser rsync node_modules/.warta-installed
	$(BIN)/python -m pytest -n 2 -q

check: $(STAMP)
	$(BIN)/invoke check

serve: $(STAMP)
	$(BIN)/invoke serve

clean: $(STAMP)
	$(BIN)/invoke clean

# $(call need,COMMAND,PACKAGE,WHAT FOR): Debian's PACKAGE when COMMAND is missing (installed when root).
need = @command -v $(1) >/dev/null 2>&1 || { \
  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
    echo "installing Debian's $(2) for $(3)"; \
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
  else echo "$(3) need $(1): sudo apt-get install $(2)" >&2; exit 1; fi; }

# The publishing tests send a site to a local folder with rsync.
.PHONY: rsync
rsync:
	$(call need,rsync,rsync,the publishing tests)

# Browser checks drive Debian's chromium with Playwright (no browser download).
.PHONY: browser
browser:
	$(call need,chromium,chromium,the browser checks)

# axe-core (injected by the browser checks) and the Nu HTML Checker (vnu-jar, run with Java), pinned in package-lock.json.
node_modules/.warta-installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	$(call need,java,default-jre-headless,the HTML checks)
	touch $@
