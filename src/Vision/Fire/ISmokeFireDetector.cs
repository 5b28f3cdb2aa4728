using OpenCvSharp;

namespace CityTwin.Vision.Fire;

/// <summary>Finds smoke and fire in one BGR frame; at most one detection per class and frame.</summary>
public interface ISmokeFireDetector
{
    IReadOnlyList<FireDetection> Detect(Mat frameBgr);

    /// <summary>
    /// Detection in a frame whose masked pixels are already blanked. A detector that scores image patches must not
    /// score a patch that lies largely under the masks: the blank band is an edge no training image had, and the
    /// trained head read a black band above a street as smoke. Pixel rules see blank pixels as nothing by themselves,
    /// hence the default.
    /// </summary>
    IReadOnlyList<FireDetection> Detect(Mat frameBgr, IMaskCoverage masks) => Detect(frameBgr);
}
