// Each test drives a real `dotnet build` of a shared project folder: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
