// The runner changes the process's current directory while auditing: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
