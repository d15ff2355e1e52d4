# didat: build, test, install.  `make help` lists the targets.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
DESTDIR    ?=
CC         ?= cc
PKG_CONFIG ?= pkg-config
BUILD      ?= build
VERSION    := 0.1.0

DEB_PACKAGES := libncurses-dev libsqlite3-dev libcsv-dev check pkg-config sqlite3 tmux gettext locales \
                libxml2-dev libzip-dev libxml2-utils librsvg2-bin graphviz fonts-dejavu-core
# The tests read the interface in both languages: gettext needs real locales.
LOCALES      := de_DE.UTF-8 en_US.UTF-8
LANGS        := $(basename $(notdir $(wildcard po/*.po)))

CFLAGS   ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN     += -Werror
endif
ifeq ($(SAN),1)
CFLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
endif
CPPFLAGS += -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DDIDAT_VERSION='"$(VERSION)"' -DDIDAT_LOCALEDIR='"$(LOCALEDIR)"' -I.
LIBS      = $(shell $(PKG_CONFIG) --libs ncursesw sqlite3 libxml-2.0 libzip 2>/dev/null) -lcsv -lm
CHECK_LIBS= $(shell $(PKG_CONFIG) --libs check 2>/dev/null)
# pkg-config's ncursesw flags define _XOPEN_SOURCE=600; we define our own.
DEPCFLAGS = $(filter-out -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=%,$(shell $(PKG_CONFIG) --cflags ncursesw sqlite3 libxml-2.0 libzip 2>/dev/null))

ifneq ($(V),1)
Q := @
E := @echo
else
E := @:
endif

LIB_SRC  := $(wildcard util/*.c model/*.c exports/*.c)
TUI_SRC  := $(wildcard tui/*.c)
APP_SRC  := main.c $(wildcard cli/*.c) $(TUI_SRC)
TEST_SRC := $(wildcard tests/unit/*.c)
# The REFI-QDA schemas (spec/refi-qda, verbatim) are compiled in: an import
# validates against them wherever the program runs.
XSD      := spec/refi-qda/Codebook-mrt2019.xsd spec/refi-qda/Project-mrt2019.xsd
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/refi_xsd.o
APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
BIN      := $(if $(filter build,$(BUILD)),didat,$(BUILD)/didat)
UNIT     := $(BUILD)/unit-tests
BENCH_SRC:= $(wildcard bench/*.c)
BENCH_BIN:= $(BENCH_SRC:%.c=$(BUILD)/%)
# The catalogues sit beside the binary (BUILD/locale), where the program
# looks first, so that it speaks German from the build folder too.
MO       := $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/didat.mo)

.PHONY: all deps check unit cli-tests e2e asan bench demo install uninstall clean help po-update po-check
all: $(BIN) $(MO)

$(BUILD)/locale/%/LC_MESSAGES/didat.mo: po/%.po
	@mkdir -p $(dir $@)
	$(E) "  MSGFMT  $<"
	$(Q)msgfmt --check -o $@ $<

# The message template: every string the program shows, from _() N_() P_()
# NP_().  It is generated, never committed, so that it cannot go stale;
# `make po-update` merges it into po/de.po for the translator.
POT_SRC = $(sort $(LIB_SRC) $(APP_SRC) $(wildcard */*.h */*.def))
POT     = $(BUILD)/didat.pot
$(POT): $(POT_SRC)
	@mkdir -p $(dir $@)
	$(Q)xgettext --from-code=UTF-8 --language=C -k_ -kN_ -kP_:1,2 -kNP_:1,2 \
	  --package-name=didat --package-version=$(VERSION) --no-location --sort-output \
	  -o $@.tmp $(POT_SRC) && mv $@.tmp $@

po-update: $(POT)
	$(Q)msgmerge --quiet --update --backup=none --no-location po/de.po $(POT)
	$(Q)msgattrib --no-obsolete -o po/de.po po/de.po

# Fails when a message of the program has no German translation (an
# untranslated or fuzzy entry counts as missing).
po-check: $(POT)
	$(Q)msgcmp po/de.po $(POT) 2>&1 || { echo "po/de.po lacks the messages above: make po-update, then translate"; exit 1; }
	@echo "po: every message has its German translation"

$(BIN): $(LIB_OBJ) $(APP_OBJ)
	$(E) "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/gen/refi_xsd.c: $(XSD) spec/embed.sh
	@mkdir -p $(dir $@)
	$(E) "  EMBED   $(XSD)"
	$(Q)sh spec/embed.sh $(XSD) > $@

$(BUILD)/gen/refi_xsd.o: $(BUILD)/gen/refi_xsd.c
	$(E) "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(E) "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(DEPCFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

# The unit-test runner runs every Suite that a tests/unit/*.c file defines
# as `Suite *NAME_suite(void)`; the list is generated so that adding a test
# file needs no other edit.
$(BUILD)/tests/suites.h: $(TEST_SRC)
	@mkdir -p $(dir $@)
	$(Q)grep -ho '^Suite \*[a-z0-9_]*_suite(void)' $(TEST_SRC) | sed 's/^Suite \*\(.*\)(void)/SUITE(\1)/' > $@.tmp
	$(Q)mv $@.tmp $@

$(BUILD)/tests/unit/main.o: $(BUILD)/tests/suites.h
$(BUILD)/tests/unit/%.o: CPPFLAGS += -I$(BUILD)/tests

# The screen's objects are linked too: its key tables and the probe are
# tested on a virtual terminal (tests/unit/test_screen.c).
$(UNIT): $(LIB_OBJ) $(TUI_SRC:%.c=$(BUILD)/%.o) $(TEST_OBJ)
	$(E) "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(CHECK_LIBS)

# Each bench/NAME.c is a program of its own; `make bench` runs them all
# (optimised build) and prints their figures.  Benchmarks are not tests.
# They link the screen too, for the redraw benchmark (tui_probe_*).
$(BUILD)/bench/%: $(BUILD)/bench/%.o $(LIB_OBJ) $(TUI_SRC:%.c=$(BUILD)/%.o)
	$(E) "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

bench: deps
	$(Q)$(MAKE) --no-print-directory $(BIN) $(BENCH_BIN)
	$(Q)for b in $(BENCH_BIN); do echo "== $$b"; DIDAT=$(abspath $(BIN)) $$b || exit 1; done

# Install the Debian packages the build and the tests need, when any is missing.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "Missing packages:$$missing"; \
	  echo "Run as root: apt-get update && apt-get install -y$$missing"; exit 1; \
	fi; \
	echo "Installing:$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get install -y $$missing >/dev/null 2>&1 || \
	  { apt-get update && apt-get install -y $$missing; }
	@missing=""; for l in $(LOCALES); do \
	  locale -a 2>/dev/null | grep -qix "$$(echo $$l | sed 's/UTF-8/utf8/')" || missing="$$missing $$l"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then echo "Missing locales:$$missing (run make deps as root)"; exit 1; fi; \
	for l in $$missing; do \
	  sed -i "s/^# *\($$l UTF-8\)/\1/" /etc/locale.gen; \
	  grep -q "^$$l UTF-8" /etc/locale.gen || echo "$$l UTF-8" >> /etc/locale.gen; \
	done; \
	echo "Generating locales:$$missing"; locale-gen >/dev/null

check: deps
	$(Q)$(MAKE) --no-print-directory $(BIN) $(UNIT) $(MO)
	@echo "== translations"
	$(Q)$(MAKE) --no-print-directory po-check
	@echo "== unit tests"
	$(Q)DIDAT_LOCALEDIR=$(abspath $(BUILD)/locale) $(UNIT)
	@echo "== command-line tests"
	$(Q)DIDAT=$(abspath $(BIN)) sh tests/cli/run.sh
	@echo "== end-to-end tests (tmux)"
	$(Q)DIDAT=$(abspath $(BIN)) sh tests/e2e/run.sh

asan: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SAN=1 check

demo: deps
	$(Q)$(MAKE) --no-print-directory $(BIN) $(MO)
	$(Q)rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(Q)./$(BIN) --db $(BUILD)/demo.db demo >/dev/null
	$(Q)./$(BIN) --db $(BUILD)/demo.db 1

install: $(BIN) $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/didat
	install -m 644 doc/didat.1 $(DESTDIR)$(MANDIR)/man1/didat.1
	install -d $(DESTDIR)$(MANDIR)/de/man1
	install -m 644 doc/didat.de.1 $(DESTDIR)$(MANDIR)/de/man1/didat.1
	for l in $(LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/didat.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/didat.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/didat $(DESTDIR)$(MANDIR)/man1/didat.1 $(DESTDIR)$(MANDIR)/de/man1/didat.1
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/didat.mo; done

clean:
	rm -rf build didat

help:
	@echo "make [all|deps|check|asan|bench|demo|install|uninstall|clean|po-update|po-check] [WERROR=1] [V=1]"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
