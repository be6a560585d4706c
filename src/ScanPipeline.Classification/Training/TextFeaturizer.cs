using Microsoft.ML;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace ScanPipeline.Classification.Training;

/// <summary>
/// The ML.NET featurisation of normalised text, part of every saved model so that prediction featurises
/// exactly as training did:
/// <list type="bullet">
/// <item>word 1..n-grams with TF-IDF weights (FeaturizeText, its own normalisation switched off because
/// <see cref="Text.TextNormalizer"/> already ran), L2-normalised;</item>
/// <item>character n-grams of each length from min to max with TF-IDF weights, L2-normalised together;</item>
/// <item>both blocks concatenated, n-grams seen in fewer than <see cref="FeaturizationSettings.MinDocumentCount"/>
/// training texts dropped, and the result L2-normalised.</item>
/// </list>
/// </summary>
internal static class TextFeaturizer
{
    private const string WordNgrams = "WordNgrams";
    private const string CharTokens = "CharTokens";
    private const string CharNgrams = "CharNgrams";

    public static IEstimator<ITransformer> Build(MLContext ml, FeaturizationSettings settings)
    {
        settings.Validate();
        var words = ml.Transforms.Text.FeaturizeText(WordNgrams, new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = settings.WordNgramMax,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, ModelColumns.Text);

        IEstimator<ITransformer> pipeline = words
            .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys(CharTokens, ModelColumns.Text, useMarkerCharacters: true));

        // One ProduceNgrams per length, concatenated when there are several. At prediction time each length
        // costs about as much as the whole word block, so the default keeps to one length.
        // One ProduceNgrams per length, concatenated when there are several. At prediction time each length
        // costs about as much as the whole word block, so the default keeps to one length.
        var charColumns = new List<string>();
        for (var n = settings.CharNgramMin; n <= settings.CharNgramMax; n++)
        {
            var column = settings.CharNgramMin == settings.CharNgramMax ? CharNgrams : $"Char{n}Grams";
            if (column != CharNgrams) charColumns.Add(column);
            pipeline = pipeline.Append(ml.Transforms.Text.ProduceNgrams(column, CharTokens, ngramLength: n, skipLength: 0,
                useAllLengths: false, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf));
        }
        if (charColumns.Count > 0) pipeline = pipeline.Append(ml.Transforms.Concatenate(CharNgrams, charColumns.ToArray()));

        return pipeline
            .Append(ml.Transforms.NormalizeLpNorm(CharNgrams))
            .Append(ml.Transforms.Concatenate(ModelColumns.Features, WordNgrams, CharNgrams))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(ModelColumns.Features, count: settings.MinDocumentCount))
            .Append(ml.Transforms.NormalizeLpNorm(ModelColumns.Features))
            .Append(ml.Transforms.DropColumns([WordNgrams, CharTokens, CharNgrams, .. charColumns]));
    }
}
