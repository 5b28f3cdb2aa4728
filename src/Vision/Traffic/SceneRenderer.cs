using OpenCvSharp;

namespace CityTwin.Vision.Traffic;

/// <summary>
/// Renders a frame of a street camera: the camera's fixed background (road, lane marks, kerb), a vehicle-like body,
/// and the plate warped onto it with perspective, then light (day or night), glare, blur and sensor noise. As
/// <c>progress</c> goes from 0 to 1 the vehicle comes closer: lower in the frame and larger.
/// </summary>
public static class SceneRenderer
{
    private static readonly Scalar[] BodyColours =
    [
        new(200, 200, 200), new(40, 40, 40), new(30, 30, 160), new(150, 80, 20), new(60, 120, 60), new(180, 180, 170), new(20, 90, 200),
    ];

    /// <summary>The static scene of a camera: the same pixels for the same camera id and size.</summary>
    public static Mat Background(string cameraId, Size size)
    {
        var random = new Random(StableHash(cameraId));
        var image = new Mat(size, MatType.CV_8UC3, new Scalar(95, 98, 100));
        // Sky or buildings in the top third, kerb and pavement at the sides, dashed lane marks.
        Cv2.Rectangle(image, new Rect(0, 0, size.Width, size.Height / 3), new Scalar(120 + random.Next(60), 110 + random.Next(40), 90 + random.Next(40)), -1);
        for (var i = 0; i < 6; i++)
        {
            var x = random.Next(size.Width);
            var w = size.Width / 8 + random.Next(size.Width / 6);
            Cv2.Rectangle(image, new Rect(x, random.Next(size.Height / 8), w, size.Height / 3), new Scalar(random.Next(80, 200), random.Next(80, 200), random.Next(80, 200)), -1);
        }
        Cv2.Rectangle(image, new Rect(0, size.Height / 3, size.Width / 10, size.Height), new Scalar(150, 150, 150), -1);
        Cv2.Rectangle(image, new Rect(size.Width * 9 / 10, size.Height / 3, size.Width / 10, size.Height), new Scalar(150, 150, 150), -1);
        for (var y = size.Height / 3; y < size.Height; y += size.Height / 8)
        {
            Cv2.Rectangle(image, new Rect(size.Width * 3 / 10, y, size.Width / 80 + 1, size.Height / 16), Scalar.White, -1);
            Cv2.Rectangle(image, new Rect(size.Width * 7 / 10, y, size.Width / 80 + 1, size.Height / 16), Scalar.White, -1);
        }
        return image;
    }

    /// <summary>A frame with the vehicle at <paramref name="progress"/> (0 far, 1 near) of its pass.</summary>
    public static Mat Render(Mat background, Mat plate, VehicleKind kind, int bodyColour, double lateral, double progress,
        SceneConditions conditions, int frameSeed)
    {
        var frame = background.Clone();
        var size = frame.Size();
        var random = new Random(frameSeed);
        var car = kind == VehicleKind.Car;
        var plateWidth = size.Width * (car ? 0.19 + 0.07 * progress : 0.10 + 0.035 * progress);
        var plateHeight = plateWidth * plate.Rows / plate.Cols;
        var centre = new Point2d(size.Width * (0.5 + lateral * 0.25) + (random.NextDouble() - 0.5) * 2, size.Height * (0.5 + 0.3 * progress));

        DrawVehicle(frame, kind, BodyColours[bodyColour % BodyColours.Length], centre, plateWidth, plateHeight, conditions.Night);
        var quad = PlateQuad(centre, plateWidth, plateHeight, conditions);
        Point2f[] source = [new(0, 0), new(plate.Cols - 1, 0), new(plate.Cols - 1, plate.Rows - 1), new(0, plate.Rows - 1)];
        using (var transform = Cv2.GetPerspectiveTransform(source, quad))
            Cv2.WarpPerspective(plate, frame, transform, size, InterpolationFlags.Linear, BorderTypes.Transparent);

        if (conditions.Night) Darken(frame, quad);
        if (conditions.Glare && random.NextDouble() < 0.6) AddGlare(frame, quad, random);
        if (conditions.Blur > 0.2) Cv2.GaussianBlur(frame, frame, new Size(0, 0), conditions.Blur);
        AddNoise(frame, conditions.Noise * (conditions.Night ? 1.6 : 1), frameSeed);
        return frame;
    }

    private static void DrawVehicle(Mat frame, VehicleKind kind, Scalar colour, Point2d plateCentre, double plateWidth, double plateHeight, bool night)
    {
        int cx = (int)plateCentre.X, cy = (int)plateCentre.Y;
        var lights = night ? new Scalar(250, 255, 255) : new Scalar(60, 60, 200);
        if (kind == VehicleKind.Car)
        {
            int bodyWidth = (int)(plateWidth * 3.4), bodyHeight = (int)(plateWidth * 1.5);
            var body = new Rect(cx - bodyWidth / 2, cy - bodyHeight + (int)(plateHeight * 1.6), bodyWidth, bodyHeight);
            Cv2.Rectangle(frame, body, colour, -1);
            Cv2.Rectangle(frame, new Rect(body.X + bodyWidth / 8, body.Y + bodyHeight / 12, bodyWidth * 3 / 4, bodyHeight * 2 / 5), new Scalar(50, 45, 40), -1);
            Cv2.Rectangle(frame, new Rect(body.X, cy + (int)plateHeight, bodyWidth, (int)(plateHeight * 0.6)), new Scalar(30, 30, 30), -1);
            var lightSize = new Size(bodyWidth / 10, (int)(plateHeight * 0.5));
            Cv2.Ellipse(frame, new Point(body.X + bodyWidth / 8, cy - (int)plateHeight), lightSize, 0, 0, 360, lights, -1);
            Cv2.Ellipse(frame, new Point(body.Right - bodyWidth / 8, cy - (int)plateHeight), lightSize, 0, 0, 360, lights, -1);
        }
        else
        {
            int bodyWidth = (int)(plateWidth * 1.5);
            Cv2.Ellipse(frame, new Point(cx, cy - (int)(plateHeight * 1.9)), new Size(bodyWidth * 0.7, plateHeight * 1.4), 0, 0, 360, new Scalar(70, 60, 90), -1);
            Cv2.Rectangle(frame, new Rect(cx - bodyWidth / 2, cy - (int)(plateHeight * 0.9), bodyWidth, (int)(plateHeight * 1.5)), colour, -1);
            Cv2.Ellipse(frame, new Point(cx, cy + (int)(plateHeight * 1.1)), new Size(bodyWidth / 5, plateHeight * 0.7), 0, 0, 360, new Scalar(20, 20, 20), -1);
            Cv2.Ellipse(frame, new Point(cx, cy - (int)(plateHeight * 0.75)), new Size(bodyWidth / 5, plateHeight / 7), 0, 0, 360, lights, -1);
        }
    }

    private static Point2f[] PlateQuad(Point2d centre, double width, double height, SceneConditions c)
    {
        double halfW = width / 2, halfH = height / 2;
        // Keystone: yaw shrinks one side's height, tilt shrinks the top edge.
        var left = halfH * (1 - Math.Max(0, c.Yaw));
        var right = halfH * (1 + Math.Min(0, c.Yaw));
        var topHalf = halfW * (1 - c.Tilt);
        (double X, double Y)[] corners = [(-topHalf, -left), (topHalf, -right), (halfW, right), (-halfW, left)];
        var angle = c.RotationDeg * Math.PI / 180;
        return corners.Select(p => new Point2f(
            (float)(centre.X + p.X * Math.Cos(angle) - p.Y * Math.Sin(angle)),
            (float)(centre.Y + p.X * Math.Sin(angle) + p.Y * Math.Cos(angle)))).ToArray();
    }

    /// <summary>Night: the scene falls to a quarter of its light; the plate keeps most of it (the camera's IR illuminator).</summary>
    private static void Darken(Mat frame, Point2f[] quad)
    {
        using var mask = new Mat(frame.Size(), MatType.CV_8UC1, Scalar.Black);
        Cv2.FillConvexPoly(mask, quad.Select(p => new Point((int)p.X, (int)p.Y)).ToArray(), Scalar.White);
        using var lit = frame.Clone();
        frame.ConvertTo(frame, -1, 0.25, 0);
        using var plate = new Mat();
        lit.ConvertTo(plate, -1, 0.7, 0);
        plate.CopyTo(frame, mask);
    }

    private static void AddGlare(Mat frame, Point2f[] quad, Random random)
    {
        var t = random.NextDouble();
        var x = quad[0].X + (quad[1].X - quad[0].X) * t;
        var y = (quad[0].Y + quad[3].Y) / 2;
        var width = Math.Abs(quad[1].X - quad[0].X) * 0.15;
        using var overlay = frame.Clone();
        Cv2.Ellipse(overlay, new Point((int)x, (int)y), new Size(Math.Max(2, width), Math.Max(2, Math.Abs(quad[3].Y - quad[0].Y) * 0.8)), 20, 0, 360, Scalar.White, -1);
        Cv2.AddWeighted(overlay, 0.45, frame, 0.55, 0, frame);
    }

    private static void AddNoise(Mat frame, double sigma, int seed)
    {
        using var noise = new Mat(frame.Size(), MatType.CV_16SC3);
        Cv2.SetTheRNG((ulong)(uint)seed);
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(sigma));
        using var wide = new Mat();
        frame.ConvertTo(wide, MatType.CV_16SC3);
        Cv2.Add(wide, noise, wide);
        wide.ConvertTo(frame, MatType.CV_8UC3);
    }

    /// <summary>A hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash & 0x7fffffff;
        }
    }
}
