Console.WriteLine("citytwin");
