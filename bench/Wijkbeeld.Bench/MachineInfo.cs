using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Wijkbeeld.Bench;

/// <summary>What the figures were measured on.</summary>
sealed record MachineInfo(string Uname, string Cpu, int Cores, double MemoryGiB, string Dotnet)
{
    public string Summary => $"{Uname}, {Cpu}, {Cores} cores, {MemoryGiB:0.#} GiB RAM, {Dotnet}";

    public static MachineInfo Read() => new(RunUname(), CpuModel(), Environment.ProcessorCount, MemoryGiBTotal(), RuntimeInformation.FrameworkDescription);

    static string RunUname()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("uname", "-srm") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            if (text.Length > 0) return text;
        }
        catch (System.ComponentModel.Win32Exception) { }
        return $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}";
    }

    static string CpuModel()
    {
        const string file = "/proc/cpuinfo";
        if (File.Exists(file))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is var i and > 0)
                {
                    return line[(i + 1)..].Trim();
                }
            }
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    static double MemoryGiBTotal()
    {
        const string file = "/proc/meminfo";
        if (!File.Exists(file)) return double.NaN;
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var kb = line["MemTotal:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1048576.0;
            }
        }
        return double.NaN;
    }
}
