// The smallest Swift program: the start-up baseline `attune-bench` compares `attune` with.
// It links only the Swift runtime and standard library, and exits with status 0.
