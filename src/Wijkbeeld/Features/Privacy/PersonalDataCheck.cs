using System.Text;
using System.Text.RegularExpressions;

namespace Wijkbeeld.Features.Privacy;

public enum PersonalDataKind { Bsn, Phone, Email }

/// <summary>
/// Something in a text that looks like personal data. <see cref="Value"/> is the normalised value
/// (digits only, or the lower-case e-mail address); <see cref="Hint"/> is safe to show back (never the whole number).
/// </summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, int Index, int Length, string Value, string Hint);

/// <summary>
/// Finds what looks like a BSN (passing the elfproef), a Dutch phone number or an e-mail address in free text (AVG).
/// Tuned to miss little of what people really type, without flagging years, postcodes, amounts, dates or CBS codes.
/// </summary>
public static partial class PersonalDataCheck
{
    public static IReadOnlyList<PersonalDataFinding> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var found = new List<PersonalDataFinding>();
        foreach (Match m in EmailPattern().Matches(text).Concat(DisguisedEmailPattern().Matches(text)))
        {
            // "jan [at] example.nl" is written that way to hide it from robots, not from readers.
            var address = AtPattern().Replace(m.Value, "@").ToLowerInvariant();
            var at = address.IndexOf('@');
            found.Add(new(PersonalDataKind.Email, m.Index, m.Length, address, address[0] + "…" + address[at..]));
        }
        // Dates are written like phone numbers or BSNs (01-03-2024 10:00); they are never either.
        var dates = DatePattern().Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();

        var i = 0;
        while (i < text.Length)
        {
            if (!CanStartNumber(text, i) || found.Any(f => i >= f.Index && i < f.Index + f.Length)
                || dates.Any(d => i >= d.Index && i < d.End))
            {
                i++;
                continue;
            }
            var run = ReadRun(text, i);
            if (run is null)
            {
                i++;
                continue;
            }
            if (EndsCleanly(text, run.End) && !dates.Any(d => d.Index < run.End && run.Start < d.End)
                && !IbanStartPattern().IsMatch(text.AsSpan(Math.Max(0, run.Start - 12), Math.Min(run.Start, 12))))
            {
                if (AsPhone(run) is { } phone)
                {
                    found.Add(new(PersonalDataKind.Phone, run.Start, run.End - run.Start, phone, Tail(phone)));
                }
                else if (AsBsn(text, run) is { } bsn)
                {
                    found.Add(new(PersonalDataKind.Bsn, run.Start, run.End - run.Start, bsn, Tail(bsn)));
                }
            }
            i = run.End;
        }
        return found.OrderBy(f => f.Index).ToList();
    }

    /// <summary>The elfproef for a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (8 digits get a leading 0).</summary>
    public static bool PassesElfproef(string digits)
    {
        if (digits.Length == 8)
        {
            digits = "0" + digits;
        }
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || digits.All(c => c == '0'))
        {
            return false;
        }
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += (9 - k) * (digits[k] - '0');
        }
        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>A run of digit groups as typed: "06-1234 5678", "+31 (0)6 12345678", "1234.56.782".</summary>
    sealed record Run(int Start, int End, string Digits, List<int> Groups, bool International, bool Bracketed);

    static Run? ReadRun(string text, int start)
    {
        var p = start;
        var international = false;
        var bracketed = false;
        if (text[p] == '+')
        {
            if (!text.AsSpan(p).StartsWith("+31")) return null;
            international = true;
            p += 3;
        }
        else if (text.AsSpan(p).StartsWith("0031"))
        {
            international = true;
            p += 4;
        }
        else if (text[p] == '(')
        {
            bracketed = true;
            p++;
        }
        if (international)
        {
            // "+31 (0)6 ...": the (0) is the trunk prefix, not part of the number.
            p += SeparatorLength(text, p);
            if (text.AsSpan(p).StartsWith("(0)"))
            {
                p += 3;
                p += SeparatorLength(text, p);
            }
        }
        if (p >= text.Length || !char.IsAsciiDigit(text[p]))
        {
            return null;
        }
        var digits = new StringBuilder();
        var groups = new List<int>();
        var end = p;
        while (true)
        {
            var groupStart = p;
            while (p < text.Length && char.IsAsciiDigit(text[p]))
            {
                digits.Append(text[p]);
                p++;
            }
            groups.Add(p - groupStart);
            end = p;
            var sep = SeparatorLength(text, p);
            if (sep == 0 || p + sep >= text.Length || !char.IsAsciiDigit(text[p + sep]) || digits.Length > 16)
            {
                break;
            }
            p += sep;
        }
        return new Run(start, end, digits.ToString(), groups, international, bracketed);
    }

    static readonly string[] Separators = [" - ", ") ", ")-", " ", "-", ".", ")", "\u00A0"];

    static int SeparatorLength(string text, int p)
    {
        foreach (var s in Separators)
        {
            if (text.AsSpan(p).StartsWith(s))
            {
                return s.Length;
            }
        }
        return 0;
    }

    static bool CanStartNumber(string text, int i)
    {
        var c = text[i];
        if (!char.IsAsciiDigit(c) && c is not '+' and not '(')
        {
            return false;
        }
        if (i == 0)
        {
            return true;
        }
        var before = text[i - 1];
        if (char.IsLetterOrDigit(before) || before is '+' or '€' or '$' or '@' or '_' or '/' or '\\' or '#' or '=')
        {
            return false;
        }
        // "1.234" or "12-3": the digit before a dot, comma or dash makes this the tail of another number.
        return !(before is '.' or ',' or '-' or ':' && i >= 2 && char.IsAsciiDigit(text[i - 2]));
    }

    static bool EndsCleanly(string text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }
        var next = text[end];
        if (char.IsLetterOrDigit(next) || next is '@' or '%' or '_' or '€')
        {
            return false;
        }
        // A decimal part (",50") or a time (":30") means an amount or a time, not a number of a person.
        return !(next is ',' or ':' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]));
    }

    static string? AsPhone(Run run)
    {
        string national;
        if (run.International)
        {
            if (run.Digits.Length != 9 || run.Digits[0] == '0') return null;
            national = "0" + run.Digits;
        }
        else
        {
            national = run.Digits;
            if (national.Length != 10 || national[0] != '0' || national[1] == '0') return null;
            // The first group is the area code (010, 0223) or 06; "01-03" or "12 34" are something else.
            var first = run.Groups[0];
            if (run.Groups.Count > 1 && !(first is >= 3 and <= 6 || (first == 2 && national.StartsWith("06", StringComparison.Ordinal))))
            {
                return null;
            }
        }
        return national;
    }

    static string? AsBsn(string text, Run run)
    {
        if (run.International)
        {
            return null;
        }
        var digits = run.Digits;
        var ok = (run.Groups.Count == 1 && digits.Length is 8 or 9)
            || (digits.Length == 9 && run.Groups.All(g => g >= 2));
        if (!ok || !PassesElfproef(digits) || LooksLikeAmountOrRegistration(text, run))
        {
            return null;
        }
        return digits.PadLeft(9, '0');
    }

    /// <summary>"€ 12345678", "12345678 euro", "KvK 12345678": numbers that belong to money or an organisation.</summary>
    static bool LooksLikeAmountOrRegistration(string text, Run run)
    {
        var before = text[Math.Max(0, run.Start - 16)..run.Start].TrimEnd().ToLowerInvariant();
        var after = text[run.End..Math.Min(text.Length, run.End + 6)].TrimStart().ToLowerInvariant();
        return before.EndsWith('€') || before.EndsWith("eur", StringComparison.Ordinal) || before.EndsWith("eur.", StringComparison.Ordinal)
            || KvkPattern().IsMatch(before) || after.StartsWith("eur", StringComparison.Ordinal);
    }

    static string Tail(string digits) => digits[^2..];

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}][\p{L}\p{N}._%+\-]*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}\-])")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}][\p{L}\p{N}._%+\-]*\s?[\[(]\s?(?:at|apenstaartje)\s?[\])]\s?(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}\-])", RegexOptions.IgnoreCase)]
    private static partial Regex DisguisedEmailPattern();

    [GeneratedRegex(@"\s?[\[(]\s?(?:at|apenstaartje)\s?[\])]\s?", RegexOptions.IgnoreCase)]
    private static partial Regex AtPattern();

    [GeneratedRegex(@"(?<!\d)(?:\d{1,2}[\-/.]\d{1,2}[\-/.](?:19|20)\d{2}|(?:19|20)\d{2}[\-/.]\d{1,2}[\-/.]\d{1,2})(?!\d)")]
    private static partial Regex DatePattern();

    /// <summary>"NL91 ABNA " before the digits: the rest of an IBAN written in groups.</summary>
    [GeneratedRegex(@"[A-Z]{2}\d{2} ?[A-Z]{4} ?$")]
    private static partial Regex IbanStartPattern();

    [GeneratedRegex(@"(kvk|kamer van koophandel|rsin|kvk-nummer|kvk-nr\.?|kvknummer)[\s:.\-]*(nummer|nr\.?)?[\s:.\-]*$")]
    private static partial Regex KvkPattern();
}
