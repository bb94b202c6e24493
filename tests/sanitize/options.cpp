// The sanitizers' settings, built into every sanitized program (the tests, the partnermap binary the
// tests run, the fuzz targets), so that any run of them, by ctest, by hand or under a debugger, checks
// the same way. The environment (ASAN_OPTIONS, LSAN_OPTIONS, UBSAN_OPTIONS) still overrides them.
//
// The runtimes call these functions once at start-up, before main; they must stay plain C.

#ifndef PARTNERMAP_LSAN_SUPPRESSIONS
#error "PARTNERMAP_LSAN_SUPPRESSIONS must name tests/sanitize/lsan.supp"
#endif

extern "C" {

// Stop at the first report, and look for leaks at exit.
__attribute__((used, visibility("default"))) const char* __asan_default_options() {
  return "halt_on_error=1:detect_leaks=1:abort_on_error=0:strict_init_order=1:detect_stack_use_after_return=0";
}

// Leaks are reported except those inside the C libraries that Graphviz draws with (see the file).
__attribute__((used, visibility("default"))) const char* __lsan_default_options() {
  return "suppressions=" PARTNERMAP_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

// Undefined behaviour is fatal (the code is also built with -fno-sanitize-recover), with a stack.
__attribute__((used, visibility("default"))) const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1";
}

}
