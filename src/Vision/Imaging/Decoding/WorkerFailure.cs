namespace CityTwin.Vision.Imaging.Decoding;

/// <summary>A worker that can no longer be trusted: it crashed, hung or broke the protocol. The pool replaces it.</summary>
internal sealed class WorkerFailure(string reason) : Exception(reason);
