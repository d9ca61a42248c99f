using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using InterpAudit.Runner;

namespace InterpAudit.Build
{
    /// <summary>
    /// Runs <c>interpaudit audit</c> out of process (numerical work and native libraries never load
    /// into a long-lived MSBuild node), relays its canonical diagnostics through the build log, maps
    /// its exit code, and reports a crash or a timeout with the runner's last output.
    /// </summary>
    public sealed class RunInterpAudit : ToolTask
    {
        private const int TailLines = 20;
        private const string LastRunFile = "last-run.json";
        private readonly Queue<string> _tail = new Queue<string>();
        private readonly Stopwatch _clock = new Stopwatch();

        /// <summary>The runner (interpaudit.dll), started with <c>dotnet exec</c>.</summary>
        [Required]
        public string RunnerPath { get; set; } = "";

        /// <summary>The built assembly to audit.</summary>
        [Required]
        public string AssemblyPath { get; set; } = "";

        /// <summary>The project file; its folder is the runner's current directory.</summary>
        [Required]
        public string ProjectPath { get; set; } = "";

        /// <summary>Where the audits' output folders go.</summary>
        [Required]
        public string OutputPath { get; set; } = "";

        /// <summary>auto | cpu | cuda | cuda:N.</summary>
        public string Device { get; set; } = "auto";

        /// <summary>False: failed checks are warnings (report-only mode).</summary>
        public bool FailBuild { get; set; } = true;

        /// <summary>A file listing the project's C# sources, for source locations.</summary>
        public string SourcesFile { get; set; } = "";

        /// <summary>Run only this audit (empty: all).</summary>
        public string AuditName { get; set; } = "";

        /// <summary>The runner's log file.</summary>
        public string LogFile { get; set; } = "";

        /// <summary>A report template to use instead of the built-in one.</summary>
        public string ReportTemplate { get; set; } = "";

        /// <summary>Where the committed baselines live.</summary>
        public string BaselineDirectory { get; set; } = "";

        /// <summary>True: write this run's metrics as the new baseline.</summary>
        public bool AcceptBaseline { get; set; }

        /// <summary>CPU threads for libtorch; empty for the runner's default (the machine's cores).</summary>
        public string Threads { get; set; } = "";

        /// <summary>
        /// <c>i/n</c>: run only that shard of each audit (a CI matrix job) and leave its partial result for
        /// <c>interpaudit merge</c>; empty for the whole audit. The runner checks the syntax (IA3040).
        /// </summary>
        public string Shard { get; set; } = "";

        /// <summary>With <see cref="AcceptBaseline"/>: further runs' metrics.json files to calibrate the baseline from.</summary>
        public ITaskItem[] CalibrationRuns { get; set; } = new ITaskItem[0];

        /// <summary>The dotnet host; defaults to DOTNET_HOST_PATH (set by the SDK), else <c>dotnet</c> on PATH.</summary>
        public string DotnetHostPath { get; set; } = "";

        /// <summary>The files each audit wrote (metadata: Audit, Format).</summary>
        [Output]
        public ITaskItem[] Reports { get; set; } = new ITaskItem[0];

        protected override string ToolName => "dotnet";

        protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

        protected override string GenerateFullPathToTool()
        {
            if (!string.IsNullOrEmpty(DotnetHostPath)) return DotnetHostPath;
            string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(host) ? ToolName : host!;
        }

        protected override string GenerateCommandLineCommands()
        {
            var builder = new CommandLineBuilder();
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(RunnerPath);
            builder.AppendSwitch("audit");
            builder.AppendSwitchIfNotNull("--assembly ", AssemblyPath);
            builder.AppendSwitchIfNotNull("--project ", ProjectPath);
            builder.AppendSwitchIfNotNull("--output ", OutputPath);
            builder.AppendSwitchIfNotNull("--device ", Device);
            builder.AppendSwitchIfNotNull("--fail-build ", FailBuild ? "true" : "false");
            if (!string.IsNullOrEmpty(SourcesFile)) builder.AppendSwitchIfNotNull("--sources ", SourcesFile);
            if (!string.IsNullOrEmpty(AuditName)) builder.AppendSwitchIfNotNull("--audit ", AuditName);
            if (!string.IsNullOrEmpty(LogFile)) builder.AppendSwitchIfNotNull("--log ", LogFile);
            if (!string.IsNullOrEmpty(ReportTemplate)) builder.AppendSwitchIfNotNull("--template ", ReportTemplate);
            if (!string.IsNullOrEmpty(BaselineDirectory)) builder.AppendSwitchIfNotNull("--baseline-dir ", BaselineDirectory.TrimEnd('/', '\\'));
            if (!string.IsNullOrEmpty(Threads)) builder.AppendSwitchIfNotNull("--threads ", Threads);
            if (!string.IsNullOrEmpty(Shard)) builder.AppendSwitchIfNotNull("--shard ", Shard);
            if (AcceptBaseline) builder.AppendSwitch("--accept-baseline");
            if (AcceptBaseline && CalibrationRuns.Length > 0)
            {
                builder.AppendSwitch("--calibration-runs");
                foreach (ITaskItem run in CalibrationRuns) builder.AppendFileNameIfNotNull(run.GetMetadata("FullPath"));
            }
            return builder.ToString();
        }

        protected override bool ValidateParameters()
        {
            if (!File.Exists(RunnerPath))
            {
                // The same code as the targets' own check (_InterpAuditRequireTools): a missing runner
                // is an incomplete package or a wrong override, never a pass.
                Log.LogError(null, "IA3104", null, ProjectPath, 0, 0, 0, 0,
                    "The InterpAudit runner '{0}' does not exist, so the audit cannot run: expected tools/net10.0/interpaudit.dll of the InterpAudit package (set InterpAuditRunnerPath to override).", RunnerPath);
                return false;
            }
            return base.ValidateParameters();
        }

        protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
        {
            _clock.Start();
            int exitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
            _clock.Stop();
            return exitCode;
        }

        /// <summary>
        /// MKL's conditional numerical reproducibility for the audit process. Without a setting, MKL picks
        /// kernels by each buffer's memory alignment, so two runs of one audit on one machine (or a merged
        /// sharded audit and the unsharded one) may differ from about the eighth digit on. AUTO,STRICT keeps
        /// the processor's fastest kernels and makes their results independent of alignment: on the CI
        /// machine the same GEMM rate as no setting, where COMPATIBLE costs 3–4× (bench/README.md, "MKL_CBWR").
        /// </summary>
        public const string ReproducibleBlas = "MKL_CBWR=AUTO,STRICT";

        public override bool Execute()
        {
            // The build's own MKL_CBWR, or one in InterpAuditEnvironment, wins: this is only the default.
            string[] environment = EnvironmentVariables ?? new string[0];
            if (Environment.GetEnvironmentVariable("MKL_CBWR") == null && !environment.Any(v => v.StartsWith("MKL_CBWR=", StringComparison.Ordinal)))
                EnvironmentVariables = environment.Concat(new[] { ReproducibleBlas }).ToArray();
            bool succeeded = base.Execute();
            // On a timeout ToolTask kills the runner and returns false with only its MSB5002
            // warning; HandleTaskExecutionErrors is not called, so the coded error is logged here.
            if (!succeeded && !Log.HasLoggedErrors)
                LogRunnerFailure();
            Reports = FindReports();
            return succeeded && !Log.HasLoggedErrors;
        }

        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            lock (_tail)
            {
                _tail.Enqueue(singleLine);
                while (_tail.Count > TailLines) _tail.Dequeue();
            }
            // Canonical "file(line,col): error IA1001: ..." lines become real errors and warnings here.
            base.LogEventsFromTextOutput(singleLine, messageImportance);
        }

        protected override bool HandleTaskExecutionErrors()
        {
            // Checks failed, bad input and a reported internal error (IA9003) come with their own coded
            // diagnostics, already logged: adding IA9001 ("without reporting a diagnostic") would be false.
            if (ExitCodes.Reported(ExitCode) && Log.HasLoggedErrors)
                return false;
            LogRunnerFailure();
            return false;
        }

        private void LogRunnerFailure()
        {
            bool timedOut = Timeout != System.Threading.Timeout.Infinite && _clock.ElapsedMilliseconds >= Timeout;
            if (timedOut)
            {
                Log.LogError(null, "IA9002", null, ProjectPath, 0, 0, 0, 0,
                    "The InterpAudit runner did not finish within InterpAuditTimeout ({0} s) and was stopped; no outputs were replaced. Raise InterpAuditTimeout or audit fewer samples. Its last output:{1}{2}",
                    Timeout / 1000, Environment.NewLine, Tail());
                return;
            }
            Log.LogError(null, "IA9001", null, ProjectPath, 0, 0, 0, 0,
                "The InterpAudit runner exited with code {0}{4} without reporting a diagnostic (crashed or was killed); no outputs were replaced.{1}Log: {2}{1}Its last output:{1}{3}",
                ExitCode, Environment.NewLine, string.IsNullOrEmpty(LogFile) ? "(none)" : LogFile, Tail(), Signal(ExitCode));
        }

        /// <summary>
        /// On Unix a process ended by a signal reports 128 + the signal's number; decoding it tells a
        /// user whether to look for the out-of-memory killer (SIGKILL), an abort (SIGABRT) or a CI cancel.
        /// </summary>
        internal static string Signal(int exitCode)
        {
            if (Path.DirectorySeparatorChar == '\\' || exitCode <= 128 || exitCode > 128 + 64) return "";
            int signal = exitCode - 128;
            string name = signal switch
            {
                1 => "SIGHUP", 2 => "SIGINT", 6 => "SIGABRT", 9 => "SIGKILL, e.g. the out-of-memory killer",
                11 => "SIGSEGV", 15 => "SIGTERM", _ => "signal " + signal,
            };
            return $" (128 + {signal}: {name})";
        }

        private string Tail()
        {
            lock (_tail)
                return _tail.Count == 0 ? "  (nothing)" : string.Join(Environment.NewLine, _tail.Select(l => "  " + l));
        }

        private ITaskItem[] FindReports()
        {
            if (!Directory.Exists(OutputPath)) return new ITaskItem[0];
            var items = new List<ITaskItem>();
            foreach (string directory in Directory.GetDirectories(OutputPath))
            {
                if (!string.IsNullOrEmpty(AuditName) && Path.GetFileName(directory) != AuditName) continue;
                // Temporary files start with '.'; last-run.json records the latest attempt and is not a report.
                foreach (string file in Directory.GetFiles(directory).Where(f => !Path.GetFileName(f).StartsWith(".", StringComparison.Ordinal) && Path.GetFileName(f) != LastRunFile))
                {
                    var item = new TaskItem(file);
                    item.SetMetadata("Audit", Path.GetFileName(directory));
                    item.SetMetadata("Format", Path.GetExtension(file).TrimStart('.'));
                    items.Add(item);
                }
            }
            return items.ToArray();
        }
    }
}
