package dev.retort.adapter.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for bash or zsh.",
        footer = {"", "Examples:", "  source <(retort completion bash)                 in ~/.bashrc",
                "  retort completion zsh > \"${fpath[1]}/_retort\"   then restart zsh"})
final class CompletionCli implements Callable<Integer> {
    enum Shell { BASH, ZSH }

    @ParentCommand
    RetortCommand root;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine top = root.spec.commandLine();
        String script = AutoComplete.bash("retort", top);
        if (shell == Shell.ZSH) {
            // picocli's script runs under zsh through bashcompinit.
            script = "#compdef retort\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        root.io().out().print(script);
        return RetortCli.OK;
    }
}
