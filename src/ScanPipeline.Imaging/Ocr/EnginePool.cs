using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ScanPipeline.Imaging.Ocr;

/// <summary>
/// N dedicated OCR threads, each owning one <see cref="TesseractEngine"/> that it creates as soon as it starts
/// (a failed start is retried on its next job) and keeps until shutdown. A job is a whole document, so its pages run in order on one engine (the PDF
/// renderer sees every page); different documents run in parallel on different threads.
/// </summary>
internal sealed class EnginePool : IDisposable
{
    private readonly BlockingCollection<Job> queue = new();
    private readonly Thread[] threads;
    private readonly Func<TesseractEngine> createEngine;
    private readonly ILogger logger;

    public EnginePool(int threadCount, Func<TesseractEngine> createEngine, ILogger logger)
    {
        this.createEngine = createEngine;
        this.logger = logger;
        threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            threads[i] = new Thread(Run) { IsBackground = true, Name = $"ocr-engine-{i + 1}" };
            threads[i].Start();
        }
    }

    /// <summary>Queues <paramref name="work"/> for the next free engine and completes with its result.</summary>
    public Task<T> RunAsync<T>(Func<TesseractEngine, T> work, CancellationToken ct)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = new Job(engine =>
        {
            if (ct.IsCancellationRequested)
            {
                completion.TrySetCanceled(ct);
                return;
            }
            try
            {
                completion.TrySetResult(work(engine));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                completion.TrySetCanceled(ct);
            }
            catch (Exception error)
            {
                completion.TrySetException(error);
            }
        }, error => completion.TrySetException(error));
        try
        {
            queue.Add(job, ct);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(EnginePool));
        }
        return completion.Task;
    }

    private void Run()
    {
        // Started before the first job arrives, so that the first page does not wait for the models to load.
        var engine = TryStart(out _);
        try
        {
            foreach (var job in queue.GetConsumingEnumerable())
            {
                if (engine is null && (engine = TryStart(out var error)) is null)
                {
                    // Configuration problem (no tessdata, no library): this job fails, the next one tries again.
                    job.Fail(error!);
                    continue;
                }
                job.Execute(engine);
            }
        }
        finally
        {
            engine?.Dispose();
        }
    }

    private TesseractEngine? TryStart(out Exception? error)
    {
        try
        {
            var engine = createEngine();
            var limit = OcrRuntime.OmpThreadLimit;
            logger.LogInformation("{Thread}: Tesseract engine started (OMP thread limit {Limit})", Thread.CurrentThread.Name, limit);
            if (limit != 1)
                logger.LogWarning("OpenMP runs with thread limit {Limit}, not 1: OCR will be several times slower. " +
                    "libgomp was loaded before OMP_THREAD_LIMIT was set, or the operator set another value.", limit);
            error = null;
            return engine;
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "{Thread}: Tesseract engine could not start", Thread.CurrentThread.Name);
            error = failure;
            return null;
        }
    }

    private int _disposed;

    public void Dispose()
    {
        // Idempotent: the DI container disposes the recognizer once per registration that resolves it.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        queue.CompleteAdding();
        var allStopped = true;
        foreach (var thread in threads)
        {
            // A page in progress is bounded by its deadline; wait for it so the engine is freed on its own thread.
            if (thread.IsAlive && !thread.Join(TimeSpan.FromMinutes(2)))
            {
                logger.LogWarning("{Thread} did not stop within 2 minutes", thread.Name);
                allStopped = false;
            }
        }
        if (allStopped) queue.Dispose();
    }

    private sealed record Job(Action<TesseractEngine> Execute, Action<Exception> Fail);
}
