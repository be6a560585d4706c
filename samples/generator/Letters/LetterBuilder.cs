using ScanPipeline.SampleGenerator.Text;

namespace ScanPipeline.SampleGenerator.Letters;

/// <summary>
/// Writes one letter: picks city, sender and date from the seed, lets the template write the content and
/// wraps it in a letter frame (sender, recipient, date, references, subject, salutation, closing, footer)
/// whose form varies from letter to letter.
/// </summary>
public static class LetterBuilder
{
    private static readonly DateOnly FirstDay = new(2025, 9, 1);

    public static Letter Build(DocumentTemplate template, int seed, bool longVersion = false)
    {
        var rng = new Rng(seed);
        var city = rng.Pick(GermanData.CityHalls);
        var date = FirstDay.AddDays(rng.Between(0, 300));
        var sender = template.CreateSender(rng, city);
        var ctx = new LetterContext(rng, city, sender, date, longVersion);
        var content = template.Compose(ctx);

        var layout = new LetterLayout(
            SenderOnRight: sender.IsPerson && rng.Chance(0.35),
            DateRightAligned: rng.Chance(0.6),
            BoldSubject: rng.Chance(0.6));
        var blocks = new List<Block>();
        var org = !sender.IsPerson;

        if (org)
        {
            var head = new List<string> { sender.Name };
            if (sender.Tagline is not null) head.Add(sender.Tagline);
            blocks.Add(new TextBlock(BlockKind.Letterhead, head));
        }
        else
        {
            blocks.Add(new TextBlock(BlockKind.Sender, PersonSenderLines(rng, sender)));
        }

        if (org || rng.Chance(0.3))
            blocks.Add(new TextBlock(BlockKind.ReturnLine, [$"{sender.Name} · {sender.Address.Street} · {sender.Address.TownLine}"]));

        blocks.Add(new TextBlock(BlockKind.Recipient, RecipientLines(rng, template, city)));

        var dateText = rng.Between(0, 3) switch
        {
            0 => $"{sender.Address.Town}, {Formats.Long(date)}",
            1 => $"{sender.Address.Town}, den {Formats.Numeric(date)}",
            2 => Formats.Numeric(date),
            _ => $"{sender.Address.Town}, {Formats.Numeric(date)}",
        };

        var references = new List<Field>(content.References);
        if (org && rng.Chance(0.75))
        {
            // Business style: a reference block with contact data and the date.
            var lines = references.Select(r => $"{r.Label}: {r.Value}").ToList();
            if (rng.Chance(0.5)) lines.Add($"Unser Zeichen: {rng.Letters(2)}/{rng.Letters(2, "abcdefghkmnprstuvw")}");
            lines.Add($"{rng.Pick("Bearbeiter", "Ansprechpartner", "Sachbearbeitung", "Ihr Kontakt")}: {sender.Signer.FullName}");
            if (sender.Phone is not null) lines.Add($"Telefon: {sender.Phone}");
            if (sender.Email is not null && rng.Chance(0.6)) lines.Add($"E-Mail: {sender.Email}");
            lines.Add($"Datum: {Formats.Numeric(date)}");
            blocks.Add(new TextBlock(BlockKind.References, lines));
            references.Clear();
        }
        else
        {
            blocks.Add(new TextBlock(BlockKind.DateLine, [dateText]));
        }

        var subject = new List<string> { (rng.Chance(0.35) ? "Betreff: " : "") + content.Subject };
        subject.AddRange(content.SubjectLines);
        subject.AddRange(references.Select(r => $"{r.Label}: {r.Value}"));
        blocks.Add(new TextBlock(BlockKind.Subject, subject));

        if (!content.FormStyle)
            blocks.Add(new TextBlock(BlockKind.Salutation, [content.Salutation ?? Phrases.Salutation(rng)]));

        blocks.AddRange(content.Body);

        if (!content.FormStyle || rng.Chance(0.5))
            blocks.Add(new TextBlock(BlockKind.Closing, [content.Closing ?? Phrases.Closing(rng)]));
        blocks.Add(new TextBlock(BlockKind.Signature, SignatureLines(rng, sender, content.FormStyle)));

        if (content.Enclosures.Count > 0)
        {
            var lines = new List<string> { content.Enclosures.Count == 1 ? "Anlage:" : "Anlagen:" };
            var bullet = rng.Pick("- ", "– ", "• ", "");
            lines.AddRange(content.Enclosures.Select(e => bullet + e));
            blocks.Add(new TextBlock(BlockKind.Enclosures, lines));
        }

        if (content.Appendix.Count > 0)
        {
            blocks.Add(new PageBreakBlock());
            blocks.AddRange(content.Appendix);
        }

        if (org && rng.Chance(0.8)) blocks.Add(new TextBlock(BlockKind.Footer, FooterLines(rng, sender)));

        return new Letter(template.Name, template.DepartmentCode, seed, blocks, layout);
    }

    private static List<string> PersonSenderLines(Rng rng, Party sender)
    {
        var lines = new List<string>
        {
            rng.Chance(0.1) ? $"{sender.Signer.FullName} und {rng.Pick(GermanData.FemaleFirstNames.Concat(GermanData.MaleFirstNames).ToArray())} {sender.Signer.LastName}" : sender.Signer.FullName,
            sender.Address.Street,
            sender.Address.TownLine,
        };
        if (sender.Phone is not null) lines.Add(rng.Pick("Tel.: ", "Telefon: ", "Tel. ", "") + sender.Phone);
        if (sender.Email is not null) lines.Add(rng.Pick("E-Mail: ", "", "Mail: ") + sender.Email);
        return lines;
    }

    private static List<string> RecipientLines(Rng rng, DocumentTemplate template, CityHall city)
    {
        var lines = new List<string>
        {
            rng.Pick($"Stadt {city.Town}", $"Stadt {city.Town}", $"Stadtverwaltung {city.Town}", $"Der Oberbürgermeister der Stadt {city.Town}", $"Magistrat der Stadt {city.Town}"),
        };
        if (rng.Chance(0.8)) lines.Add(rng.Pick(template.OfficeNames));
        else if (rng.Chance(0.5)) lines.Add(rng.Pick("Poststelle", "Bürgerservice", "Zentrale Posteingangsstelle"));
        if (rng.Chance(0.12))
        {
            var clerk = PartyFactory.NewPerson(rng, 0.05);
            lines.Add($"z. Hd. {clerk.Addressed}");
        }
        if (rng.Chance(0.15))
        {
            lines.Add($"Postfach {rng.Digits(2)} {rng.Digits(2)} {rng.Digits(2)}");
        }
        else
        {
            lines.Add(city.Street);
        }
        lines.Add($"{city.Postcode} {city.Town}");
        return lines;
    }

    private static List<string> SignatureLines(Rng rng, Party sender, bool form)
    {
        var lines = new List<string>();
        if (form && sender.IsPerson && rng.Chance(0.6)) lines.Add($"Unterschrift: ______________________   {sender.Address.Town}, den ____________");
        if (!sender.IsPerson)
        {
            if (rng.Chance(0.5)) lines.Add(sender.Name);
            lines.Add((rng.Chance(0.4) ? rng.Pick("i. A. ", "i. V. ", "ppa. ") : "") + sender.Signer.FullName);
            if (sender.SignerRole is not null) lines.Add(sender.SignerRole);
        }
        else
        {
            lines.Add(sender.Signer.FullName);
        }
        return lines;
    }

    private static List<string> FooterLines(Rng rng, Party sender)
    {
        var lines = new List<string>
        {
            $"{sender.Name} · {sender.Address.Street} · {sender.Address.TownLine}" + (sender.Phone is null ? "" : $" · Tel. {sender.Phone}"),
            $"{sender.Bank.Name} · IBAN {sender.Iban}" + (rng.Chance(0.7) ? $" · BIC {sender.Bank.Bic}" : ""),
        };
        var legal = new List<string>();
        if (sender.Register is not null) legal.Add(sender.Register);
        if (sender.VatId is not null) legal.Add($"USt-IdNr. {sender.VatId}");
        if (sender.Kind == PartyKind.Company && rng.Chance(0.6)) legal.Add($"Geschäftsführung: {PartyFactory.NewPerson(rng, 0.05).FullName}");
        if (legal.Count > 0) lines.Add(string.Join(" · ", legal));
        return lines;
    }
}
