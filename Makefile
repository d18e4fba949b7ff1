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

# The publishing tests send a site to a local folder with Debian's rsync.
.PHONY: rsync
rsync:
	@command -v rsync >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's rsync for the publishing tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsync >/dev/null; \
	  else echo "the publishing tests need rsync: sudo apt-get install rsync" >&2; exit 1; fi; }

# Browser checks drive Debian's chromium with Playwright (no browser download).
.PHONY: browser
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser checks"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "the browser checks need chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# axe-core (injected by the browser checks) and the Nu HTML Checker (vnu-jar, run with Java), pinned in package-lock.json.
node_modules/.warta-installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "the HTML checks need Java: sudo apt-get install default-jre-headless" >&2; exit 1; fi; }
	touch $@
