using CityTwin.Graph.Cli;

return await CityTwinCommandLine.Create().Parse(args).InvokeAsync();
