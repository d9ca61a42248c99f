using System.CommandLine;
using InterpAudit.Diagnostics;
using InterpAudit.Runner;

var assembly = new Option<FileInfo>("--assembly") { Description = "The built training assembly that declares [InterpretabilityAudit] classes.", Required = true };
var project = new Option<FileInfo?>("--project") { Description = "The project file; its folder is the current directory while audits run (default: the assembly's folder)." };
var output = new Option<DirectoryInfo?>("--output") { Description = "Where each audit's outputs go, in a folder named after the audit (default: <assembly folder>/interpaudit)." };
var device = new Option<string>("--device") { Description = "auto (CUDA when TorchSharp reports it, else CPU) | cpu | cuda | cuda:N.", DefaultValueFactory = _ => "auto" };
var failBuild = new Option<bool>("--fail-build") { Description = "Report failed error checks as errors (exit 1); false reports them as warnings.", DefaultValueFactory = _ => true };
var sources = new Option<FileInfo?>("--sources") { Description = "A file listing the project's C# sources, one per line, to locate each check's attribute." };
var only = new Option<string?>("--audit") { Description = "Run only the audit with this name." };
var logFile = new Option<FileInfo?>("--log") { Description = "Also write everything, with internal error details, to this file." };
var template = new Option<FileInfo?>("--template") { Description = "A Scriban template to use instead of the built-in report.html template (its view model: docs/report-template.md)." };
var baselineDirectory = new Option<DirectoryInfo?>("--baseline-dir") { Description = "Where <audit>.audit-baseline.json and <audit>.audit-suppressions.json live (default: the project's folder)." };
var acceptBaseline = new Option<bool>("--accept-baseline") { Description = "Write this run's metrics (with any --calibration-runs) as the new baseline instead of comparing with it." };
var calibrationRuns = new Option<FileInfo[]>("--calibration-runs") { Description = "With --accept-baseline: further runs' metrics.json files of the same audits (other seeds or machines) to calibrate the baseline from.", AllowMultipleArgumentsPerToken = true };
var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch (default 0: the machine's cores)." };
threads.Validators.Add(result => { if (result.GetValueOrDefault<int>() < 0) result.AddError("--threads expects 0 (the machine's cores) or a positive count."); });
var shard = new Option<string?>("--shard") { Description = "i/n: run only the i-th of n parts of each audit (1-based, e.g. a CI matrix job's index) and write its partial metrics.shard-i-of-n.json for 'interpaudit merge'; thresholds and the baseline are judged there." };
var skipBaseline = new Option<bool>("--skip-baseline") { Description = "Neither read nor write a baseline: judge thresholds only (a calibration run)." };

var audit = new Command("audit", "Run the interpretability audits declared in a built assembly and write their reports.")
{
    assembly, project, output, device, failBuild, sources, only, logFile, template, baselineDirectory, acceptBaseline, calibrationRuns, skipBaseline, threads, shard,
};
audit.SetAction(parse => AuditCommand.Run(new AuditOptions(
    parse.GetValue(assembly)!.FullName,
    parse.GetValue(project)?.FullName,
    parse.GetValue(output)?.FullName,
    parse.GetValue(device)!,
    parse.GetValue(failBuild),
    parse.GetValue(sources)?.FullName,
    parse.GetValue(only),
    parse.GetValue(logFile)?.FullName,
    parse.GetValue(template)?.FullName,
    parse.GetValue(baselineDirectory)?.FullName,
    parse.GetValue(acceptBaseline),
    parse.GetValue(skipBaseline),
    (parse.GetValue(calibrationRuns) ?? []).Select(f => f.FullName).ToList(),
    parse.GetValue(threads),
    parse.GetValue(shard)), Console.Out));

var metrics = new Option<FileInfo[]>("--metrics") { Description = "The metrics.json of each audit run to accept: several runs of one audit (other seeds or machines) calibrate its baseline.", Required = true, AllowMultipleArgumentsPerToken = true };
var acceptDirectory = new Option<DirectoryInfo?>("--baseline-dir") { Description = "Where to write <audit>.audit-baseline.json (default: the current folder)." };
var accept = new Command("accept", "Make audit runs' metrics.json the committed baseline (several runs of an audit calibrate it), and clear its suppressions.") { metrics, acceptDirectory };
accept.SetAction(parse => BaselineCommand.Accept(parse.GetValue(metrics)!.Select(f => f.FullName).ToList(), parse.GetValue(acceptDirectory)?.FullName, Console.Out));
var baseline = new Command("baseline", "Manage the committed baselines that regressions are judged against.") { accept };

var shardFiles = new Argument<FileInfo[]>("shards") { Description = "Every shard's metrics.shard-i-of-n.json (of one or more audits).", Arity = ArgumentArity.OneOrMore };
var mergeOutput = new Option<DirectoryInfo?>("--output") { Description = "Where each audit's outputs go, in a folder named after the audit (default: ./interpaudit)." };
var mergeBaselines = new Option<DirectoryInfo?>("--baseline-dir") { Description = "Where <audit>.audit-baseline.json and <audit>.audit-suppressions.json live (default: the current folder)." };
var merge = new Command("merge", "Combine the shards of sharded audits (audit --shard i/n), judge thresholds and the baseline, and write every output, as an unsharded audit would.")
{
    shardFiles, mergeOutput, failBuild, logFile, template, mergeBaselines, acceptBaseline, skipBaseline,
};
merge.SetAction(parse => MergeCommand.Run(new MergeOptions(
    parse.GetValue(shardFiles)!.Select(f => f.FullName).ToList(),
    parse.GetValue(mergeOutput)?.FullName,
    parse.GetValue(failBuild),
    parse.GetValue(logFile)?.FullName,
    parse.GetValue(template)?.FullName,
    parse.GetValue(mergeBaselines)?.FullName,
    parse.GetValue(acceptBaseline),
    parse.GetValue(skipBaseline)), Console.Out));

var root = new RootCommand("InterpAudit: interpretability gates for TorchSharp models. Exit codes: 0 passed, 1 checks failed, 2 bad input, 3 internal error.")
{
    audit,
    merge,
    baseline,
};

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Exit code 1 means "checks failed"; a bad command line is bad input.
    foreach (var error in parsed.Errors)
        Console.Out.WriteLine($"interpaudit : error {DiagnosticCodes.InvalidArguments}: {error.Message} Run 'interpaudit audit --help' for the options.");
    return ExitCodes.BadInput;
}
return parsed.Invoke();
