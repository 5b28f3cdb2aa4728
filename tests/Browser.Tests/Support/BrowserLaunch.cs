using Microsoft.Playwright;

namespace CityTwin.Browser.Tests.Support;

/// <summary>
/// Debian's chromium, headless, WebGL through SwiftShader (no GPU here). Playwright's own browser download is never
/// used: ExecutablePath points at the system browser.
/// </summary>
public static class BrowserLaunch
{
    public const string Chromium = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions Options => new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--no-sandbox"],
    };
}
