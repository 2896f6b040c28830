// The tests measure service times and traffic shares on real sockets of a 2-core machine; run one class at a time so
// that one test's blocking waits (process launches) cannot starve another test's timers.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
