// Prints one line so "ready" means the same thing as for the bot: the first output a reader can see.
System.Console.WriteLine("ready");
