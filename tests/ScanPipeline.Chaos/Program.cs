using System.Globalization;
using ScanPipeline.Chaos;

// ScanPipeline's fault-injection run. Start it with tests/chaos/run.sh, which sets up the machine and builds
// the scanpipe CLI first. Options (all optional):
//   --documents N (200)  --workers N (3)  --kills N (5)  --broker-restarts N (1)  --work DIR (var/chaos)
//   --scanpipe PATH (src/ScanPipeline.Cli/bin/Release/net10.0/scanpipe.dll)  --timeout-minutes N (15)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = ChaosSettings.Parse(args);
var report = await new ChaosRun(settings).RunAsync();
Console.WriteLine(report.ToJson());
return report.Passed ? 0 : 1;
