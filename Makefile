# `make run` opens crmdesk (the first start asks: demo data, empty, or import); `make test` installs
# the system packages it lacks (scripts/system-deps.sh: apt-get, with sudo) and runs every check headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench screenshot translations desktop-entry clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,dev]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	./scripts/system-deps.sh run
	$(BIN)/crmdesk $(ARGS)

test: $(VENV)/.test-installed
	./scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest
	$(MAKE) lint

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

TS := resources/translations/crmdesk_zh_CN.ts
translations: $(VENV)/.installed  # refresh the catalogue from the sources, then compile it
	$(BIN)/pyside6-lupdate -tr-function-alias tr+=_tr,QT_TRANSLATE_NOOP+=translatable \
		-no-obsolete -locations none -target-language zh_CN \
		$$(find crmdesk -name '*.py' -not -path '*/migrations/*') -ts $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

screenshot: $(VENV)/.installed  # docs/screenshot-contacts.png from a fresh 3000-contact demo
	rm -f /tmp/crmdesk-screenshot.sqlite3
	$(BIN)/crmdesk demo --size 3000 --db /tmp/crmdesk-screenshot.sqlite3 > /dev/null
	LANG=en_US.UTF-8 $(BIN)/python scripts/screenshot.py /tmp/crmdesk-screenshot.sqlite3 \
		docs/screenshot-contacts.png --search zhang --select 1

APPS := $(HOME)/.local/share/applications
ICONS := $(HOME)/.local/share/icons/hicolor/scalable/apps
desktop-entry: $(VENV)/.installed  # crmdesk in the desktop's application menu, with its icon
	install -Dm644 resources/icons/crmdesk.svg $(ICONS)/crmdesk.svg
	mkdir -p $(APPS)
	sed 's|^Exec=.*|Exec=$(abspath $(BIN))/crmdesk-gui|' resources/crmdesk.desktop > $(APPS)/crmdesk.desktop

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info build dist
