# winnow: `make run` and `make test` work on a fresh clone; everything installs into .venv.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SEED   ?= 0
SHARED ?= ../shared

SAMPLE       := data/sample/manifest.jsonl
SAMPLE_PAGES := $(shell find data/sample/pages -type f 2>/dev/null)
UNSEEN       := data/sample/unseen/pages
BUILT        := data/built/sample
UNSEEN_BUILT := data/built/unseen
RUN          := runs/sample
OUT          := out

# The compiled core (winnow._core): a Rust crate that `pip install -e .` builds with cargo.
CORE_RS     := core/Cargo.toml core/Cargo.lock $(shell find core/src -name "*.rs")
FEATURES_PY := $(wildcard features/*.py) $(CORE_RS)
MODELS_PY   := $(wildcard models/*.py)
TRAIN_PY    := $(wildcard train/*.py)
CLI_PY      := $(wildcard cli/*.py)

.PHONY: help install run test browser fuzz lint data train evaluate predict sample clean default-model bench bench-throughput bench-hostile bench-topics

help:
	@echo "make run       set up, build the sample dataset, train, evaluate, predict on unseen pages"
	@echo "make test      set up, run the test suite"
	@echo "make fuzz      the property tests on FUZZ_SCALE (50) times as many inputs"
	@echo "make lint      ruff over the code and tests"
	@echo "make data | train | evaluate   the steps of run, each redone only when its inputs changed"
	@echo "make sample    regenerate data/sample from its generator"
	@echo "make default-model SHARED=../shared   retrain the shipped models in models/default"
	@echo "make bench SHARED=../shared           the default model beside the extractors and text filters on held-out outlets, and bench-throughput"
	@echo "make bench-throughput [CRAWL_PAGES=N]  pages/s on 1 and 2 workers, memory per worker, a 100k-page synthetic crawl"
	@echo "make bench-topics SHARED=../shared    topics: winnow beside TF-IDF+LinearSVC and fastText (AG News, BBC, 20NG, news pages held out by domain, BBC through the CLI)"
	@echo "make bench-hostile  peak memory per worker on hostile pages (10 MB paragraph, deep nesting, gzip bomb...)"
	@echo "make clean     remove built data, runs and outputs (keeps .venv)"

# Installing builds the compiled core with cargo (a Rust toolchain: https://rustup.rs), so a
# change to core/ reinstalls; cargo rebuilds only what changed.
$(STAMP): pyproject.toml $(CORE_RS)
	@command -v cargo >/dev/null 2>&1 || { echo "winnow's compiled core needs a Rust toolchain (cargo): https://rustup.rs"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# A new file, not the old one rewritten: a process running from this checkout keeps the
	@# extension it loaded (rewriting a loaded shared library in place crashes it).
	rm -f winnow/_core.*.so
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(STAMP)

data: $(BUILT)/manifest.json
$(BUILT)/manifest.json: $(STAMP) $(SAMPLE) $(SAMPLE_PAGES) $(FEATURES_PY) $(TRAIN_PY) $(CLI_PY)
	$(BIN)/winnow build $(SAMPLE) --out $(BUILT) --seed $(SEED) --overwrite

train: $(RUN)/manifest.json
$(RUN)/manifest.json: $(BUILT)/manifest.json $(MODELS_PY) $(TRAIN_PY) $(CLI_PY)
	$(BIN)/winnow train $(BUILT) --out $(RUN) --seed $(SEED) --overwrite

# The gate: under any bound of THRESHOLDS, evaluate exits 1 and make fails; metrics.json is
# removed then (the report stays), so the next `make evaluate` checks again.
THRESHOLDS ?= data/thresholds/sample.toml
evaluate: $(RUN)/evaluation/test/metrics.json
$(RUN)/evaluation/test/metrics.json: $(RUN)/manifest.json $(BUILT)/manifest.json $(THRESHOLDS)
	$(BIN)/winnow evaluate $(RUN) $(BUILT) --split test --thresholds $(THRESHOLDS) \
		|| { status=$$?; rm -f $@; exit $$status; }

# The two outlets in data/sample/unseen are never trained on: all of them go to the test split.
$(UNSEEN_BUILT)/manifest.json: $(STAMP) data/sample/unseen/manifest.jsonl $(wildcard $(UNSEEN)/*/*) $(FEATURES_PY) $(TRAIN_PY) $(CLI_PY)
	$(BIN)/winnow build data/sample/unseen/manifest.jsonl --out $(UNSEEN_BUILT) --fractions 0,0,1 --seed $(SEED) --overwrite --quiet

$(OUT)/eval-unseen/metrics.json: $(RUN)/manifest.json $(UNSEEN_BUILT)/manifest.json
	$(BIN)/winnow evaluate $(RUN) $(UNSEEN_BUILT) --split test --out $(OUT)/eval-unseen

predict: $(OUT)/unseen.jsonl
$(OUT)/unseen.jsonl: $(RUN)/manifest.json $(wildcard $(UNSEEN)/*/*)
	$(BIN)/winnow predict $(UNSEEN) --model $(RUN) --out $@ --show 10 --overwrite

# The shipped default model (models/default) on the same unseen pages: no --model needed.
DEFAULT_MODEL := models/default/manifest.json
$(OUT)/default-unseen.jsonl: $(STAMP) $(DEFAULT_MODEL) $(wildcard $(UNSEEN)/*/*)
	$(BIN)/winnow predict $(UNSEEN) --out $@ --show 10 --overwrite

$(OUT)/eval-default-unseen/metrics.json: $(DEFAULT_MODEL) $(UNSEEN_BUILT)/manifest.json
	$(BIN)/winnow evaluate models/default $(UNSEEN_BUILT) --split test --out $(OUT)/eval-default-unseen

run: $(OUT)/default-unseen.jsonl $(OUT)/eval-default-unseen/metrics.json \
		data train evaluate predict $(OUT)/eval-unseen/metrics.json
	@echo
	@echo "default model: $(OUT)/default-unseen.jsonl, $(OUT)/eval-default-unseen/report.html"
	@echo "retrained on the sample:"
	@echo "dataset:     $(BUILT)  (manifest.json, README.md, paragraphs/ and pages/ Parquet)"
	@echo "artifact:    $(RUN)  (winnow info $(RUN))"
	@echo "evaluation:  $(RUN)/evaluation/test/report.html"
	@echo "predictions: $(OUT)/unseen.jsonl  (pages from outlets the model never saw)"
	@echo "unseen eval: $(OUT)/eval-unseen/report.html"

# The engine's own tests (cargo test, without Python), then the Python suite over the built core.
test: $(STAMP) browser
	cargo test --manifest-path core/Cargo.toml --release --quiet
	$(BIN)/python -m pytest -q

# The report test opens report.html in Debian's Chromium. Installed where this user may (root
# with apt); elsewhere that one test is skipped and says so.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& { timeout 300 apt-get install -y -q chromium >/dev/null 2>&1 \
		     || { timeout 120 apt-get update -q >/dev/null 2>&1 && timeout 300 apt-get install -y -q chromium >/dev/null 2>&1; }; }; } \
		|| echo "chromium is not installed: the report's browser test will be skipped"

# The property tests (readers, WARC, segmenters, page features, text filters) run FUZZ_SCALE
# times as many inputs as in `make test`; hypothesis prints how many each tried.
FUZZ_SCALE ?= 50
fuzz: $(STAMP)
	WINNOW_FUZZ_SCALE=$(FUZZ_SCALE) $(BIN)/python -m pytest -q -p no:cacheprovider \
		--hypothesis-show-statistics --hypothesis-seed=$(SEED) \
		tests/test_properties.py tests/test_warc.py tests/test_sequence.py tests/test_text_filters.py

lint: $(STAMP)
	$(BIN)/ruff check winnow cli features models train tests bench
	$(BIN)/ruff format --check winnow cli features models train tests bench

sample:
	$(PYTHON) data/sample/generate.py

# The shipped models: boilerplate from every shared page set with article gold (and the
# extractor outputs in scraped_text), topics from AG News and BBC News folded into the default
# taxonomy. 70/10/20 split by domain; the test split is the held-out part the README quotes.
DEFAULT_BUILT := data/built/default
DEFAULT_SOURCES = $(SHARED)/data/boilerplate $(SHARED)/data/scraped_text \
	$(SHARED)/data/topic/ag_news_16k/train.jsonl.gz $(SHARED)/data/topic/bbc/train.jsonl.gz
$(DEFAULT_BUILT)/manifest.json: $(STAMP) data/labelmaps/default.toml $(FEATURES_PY) $(TRAIN_PY) $(CLI_PY)
	@test -d $(SHARED)/data || { echo "needs the shared datasets: make $@ SHARED=path/to/shared"; exit 2; }
	$(BIN)/winnow build $(DEFAULT_SOURCES) --out $(DEFAULT_BUILT) \
		--label-map data/labelmaps/default.toml --fractions 0.7,0.1,0.2 --seed 0 --overwrite

default-model: $(DEFAULT_BUILT)/manifest.json
	$(BIN)/winnow train $(DEFAULT_BUILT) --out models/default --max-features 50000 \
		--seed 0 --overwrite

# Benchmarks on real pages (needs SHARED): the default model, trained on the default dataset's
# train split, beside trafilatura, jusText, readability-lxml, boilerpy3, resiliparse and the
# published text filters on its test split (outlets never trained on); then the topic
# pipeline beside a tuned TF-IDF + LinearSVC and fastText on AG News, BBC News (grouped 5-fold
# CV) and 20 Newsgroups, on news pages labelled by their URL (held out by domain), and BBC
# through build, train and predict (bench-topics; TOPIC_SECTIONS picks some). One thread, so
# speeds are per core.
# bench-throughput: pages per second on one worker and two, peak memory per worker, and a
# synthetic crawl of CRAWL_PAGES pages (made from the sample pages, so it needs no SHARED).
# bench-hostile: peak memory and wall time of predict on hostile pages among good sample pages,
# each alone and all in one batch, with the default model and the one trained on the sample.
CRAWL_PAGES ?= 100000
TOPIC_SECTIONS ?= ag_news_16k,bbc,20newsgroups,news_pages,cli_bbc
bench: $(DEFAULT_BUILT)/manifest.json bench-throughput bench-hostile bench-topics
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/heldout.py \
		--dataset $(DEFAULT_BUILT) --model models/default --out bench/results/heldout.md

bench-topics: $(STAMP)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/topics.py \
		--data $(SHARED)/data/topic --boilerplate $(SHARED)/data/boilerplate \
		--sections $(TOPIC_SECTIONS) --out bench/results/topics.md

bench-throughput: $(STAMP)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/throughput.py \
		--model models/default --pages 20000 --crawl-pages $(CRAWL_PAGES) --crawl-workers 2 \
		--out bench/results/throughput.md

bench-hostile: $(STAMP) $(RUN)/manifest.json
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/hostile.py \
		--model models/default --model $(RUN) --out bench/results/hostile.md

clean:
	rm -rf data/built runs $(OUT)
