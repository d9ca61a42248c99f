// TorchSharp's global state (default dtype, seeds, dispose scopes) is process-wide: run tests serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
