using System.CommandLine;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Plates.Evaluation;

namespace CityTwin.Graph.Cli;

/// <summary>
/// <c>citytwin eval plates --images DIR --truth FILE [--reader onnx|tesseract] [--detect] [--model PATH]</c>: measures
/// plate reading against labelled images and prints exact-match and character accuracy and plates/s.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of the images (crops or full scenes)", Required = true };
        var truth = new Option<string>("--truth") { Description = "Truth: a TSV (image layout subset plate_text), an OpenALPR .txt, or a folder of them", Required = true };
        var reader = new Option<string>("--reader") { Description = "OCR reader: onnx, tesseract or auto", DefaultValueFactory = _ => "auto" };
        var detect = new Option<bool>("--detect") { Description = "Find plates with the detector instead of reading crops or truth boxes" };
        var model = new Option<string?>("--model") { Description = "OCR model file (default: $CITYTWIN_SHARED/models/fast-plate-ocr/cct_xs_v1_global.onnx)" };
        var detector = new Option<string?>("--detector-model") { Description = "ONNX YOLO plate detector (default: the classical OpenCV detector)" };

        var plates = new Command("plates", "Measure plate reading on labelled images");
        foreach (var option in new Option[] { images, truth, reader, detect, model, detector }) plates.Options.Add(option);
        plates.SetAction(parse =>
        {
            var options = new PlateVisionOptions();
            options.Ocr.ModelPath = parse.GetValue(model);
            options.Detector.ModelPath = parse.GetValue(detector);
            return PlateEvalRunner.Run(parse.GetValue(images)!.FullName, parse.GetValue(truth)!, parse.GetValue(reader),
                parse.GetValue(detect), options, Console.Out, Console.Error);
        });

        var command = new Command("eval", "Evaluate the vision pipelines against labelled data");
        command.Subcommands.Add(plates);
        command.Subcommands.Add(EvalFireCommand.Create());
        return command;
    }
}
