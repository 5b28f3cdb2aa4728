using System.CommandLine;
using CityTwin.Vision.Fire.Evaluation;
using CityTwin.Vision.Fire.Model;

namespace CityTwin.Graph.Cli;

/// <summary>
/// <c>citytwin eval fire --images DIR --labels DIR [--model PATH] [--backbone PATH]</c>: the trained smoke/fire model
/// and the colour-rule baseline on YOLO-labelled images, image-level and box-level figures side by side, and speed.
/// </summary>
public static class EvalFireCommand
{
    public static Command Create()
    {
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of the images (jpg, jpeg, png, bmp)", Required = true };
        var labels = new Option<DirectoryInfo>("--labels") { Description = "Folder of YOLO label files (class cx cy w h; 0 = fire, 2 = smoke, 1 = nothing), one per image by name", Required = true };
        var model = new Option<string?>("--model") { Description = "The trained head (default: models/fire/fire-head.onnx beside the binary)" };
        var backbone = new Option<string?>("--backbone") { Description = "The ResNet18 backbone (default: models/ResNet18.onnx beside the binary)" };

        var command = new Command("fire", "Measure the smoke/fire detector and the classical baseline on labelled images");
        foreach (var option in new Option[] { images, labels, model, backbone }) command.Options.Add(option);
        command.SetAction(parse => FireEvalRunner.Run(parse.GetValue(images)!.FullName, parse.GetValue(labels)!.FullName,
            parse.GetValue(model) ?? OnnxSmokeFireDetector.DefaultHeadPath, parse.GetValue(backbone) ?? FireBackbone.DefaultPath,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
